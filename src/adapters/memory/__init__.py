"""In-memory adapters for every port: for unit tests, library users and experiments.

They are safe under concurrent asyncio use: a unit of work stages its writes and applies
them atomically on commit, and an idempotency claim is held from `claim` until the unit
of work ends, as a database's unique index would hold it.
"""

from adapters.memory.bank import InMemoryBank
from adapters.memory.cache import InMemoryPaymentCache
from adapters.memory.clocks import ManualClock, SequentialIds
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.repositories import (
    InMemoryIdempotencyStore,
    InMemoryMerchantRepository,
    InMemoryRefreshTokenRepository,
)
from adapters.memory.units import InMemoryStore, InMemoryUnitOfWork

__all__ = [
    "InMemoryBank",
    "InMemoryIdempotencyStore",
    "InMemoryMerchantRepository",
    "InMemoryPaymentCache",
    "InMemoryPaymentRepository",
    "InMemoryRefreshTokenRepository",
    "InMemoryStore",
    "InMemoryUnitOfWork",
    "ManualClock",
    "SequentialIds",
]
