"""Rate limiters shared by every gateway process through Redis (the in-process one is in
adapters.memory)."""

from adapters.rate_limits.cached_read import RedisRateLimitedCacheRead
from adapters.rate_limits.redis_limiter import RedisRateLimiter

__all__ = ["RedisRateLimitedCacheRead", "RedisRateLimiter"]
