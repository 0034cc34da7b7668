"""The ports: what the domain needs from the outside world, as structural protocols, one
module per concern."""

from paycore.ports.api_keys import ApiKeyRepository
from paycore.ports.bank import AcquiringBank
from paycore.ports.basics import Clock, Fingerprinter, IdGenerator
from paycore.ports.events import EventRepository
from paycore.ports.idempotency import IdempotencyStore
from paycore.ports.merchants import MerchantRepository
from paycore.ports.payments import PaymentCache, PaymentRepository
from paycore.ports.rate_limits import RateLimitedCacheRead, RateLimiter
from paycore.ports.refresh_tokens import RefreshTokenRepository, RefreshTokenUses
from paycore.ports.retention import RetentionStore
from paycore.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory

__all__ = [
    "AcquiringBank",
    "ApiKeyRepository",
    "Clock",
    "EventRepository",
    "Fingerprinter",
    "IdGenerator",
    "IdempotencyStore",
    "MerchantRepository",
    "PaymentCache",
    "PaymentRepository",
    "RateLimitedCacheRead",
    "RateLimiter",
    "RefreshTokenRepository",
    "RefreshTokenUses",
    "RetentionStore",
    "UnitOfWork",
    "UnitOfWorkFactory",
]
