"""In-memory adapters for every port: for unit tests, library users and experiments.

They are safe under concurrent asyncio use: a unit of work stages its writes, and its
commit checks them all (a stale payment) before it applies any, atomically; an
idempotency claim is held from `claim` until the unit of work ends, as a database's
unique index would hold it; a refresh token's use changes the state at once, alone.
"""

from adapters.memory.api_keys import InMemoryApiKeyRepository
from adapters.memory.bank import InMemoryBank
from adapters.memory.cache import InMemoryPaymentCache
from adapters.memory.clocks import ManualClock, SequentialIds
from adapters.memory.idempotency import InMemoryIdempotencyStore
from adapters.memory.merchants import InMemoryMerchantRepository
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.rate_limits import InMemoryRateLimiter
from adapters.memory.refresh_tokens import InMemoryRefreshTokenRepository, InMemoryRefreshTokenUses
from adapters.memory.retention import InMemoryRetention
from adapters.memory.store import InMemoryStore
from adapters.memory.unit_of_work import InMemoryUnitOfWork

__all__ = [
    "InMemoryApiKeyRepository",
    "InMemoryBank",
    "InMemoryIdempotencyStore",
    "InMemoryMerchantRepository",
    "InMemoryPaymentCache",
    "InMemoryPaymentRepository",
    "InMemoryRateLimiter",
    "InMemoryRefreshTokenRepository",
    "InMemoryRefreshTokenUses",
    "InMemoryRetention",
    "InMemoryStore",
    "InMemoryUnitOfWork",
    "ManualClock",
    "SequentialIds",
]
