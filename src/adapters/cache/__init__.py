"""Payment caches: best effort, never behind the database, never raising."""

from adapters.cache.redis_cache import RedisPaymentCache
from adapters.cache.ttl import TtlPaymentCache

__all__ = ["RedisPaymentCache", "TtlPaymentCache"]
