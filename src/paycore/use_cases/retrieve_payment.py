"""RetrievePayment: cache first, then the repository; always scoped to the merchant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from paycore.errors import PaymentNotFound
from paycore.payment import Payment
from paycore.ports import PaymentCache, RateLimiter, UnitOfWorkFactory
from paycore.rate_limit import RateDecision, RateLimit


@dataclass(frozen=True, slots=True, kw_only=True)
class RetrievePayment:
    uow: UnitOfWorkFactory
    cache: PaymentCache

    async def __call__(self, merchant_id: str, payment_id: str) -> Payment:
        canonical_id = canonical_payment_id(payment_id)
        cached = await self.cache.get(merchant_id, canonical_id)
        if cached is not None:
            return cached
        return await self.after_cache_miss(merchant_id, canonical_id)

    async def after_cache_miss(self, merchant_id: str, canonical_id: str) -> Payment:
        """The stored payment (its id canonical already), cached for the next read."""
        async with self.uow() as uow:
            payment = await uow.payments.get(merchant_id, canonical_id)
        if payment is None:
            raise PaymentNotFound(canonical_id)
        await self.cache.put(payment)
        return payment


def canonical_payment_id(payment_id: str) -> str:
    """A malformed id is simply not found, exactly like another merchant's id."""
    try:
        return str(uuid.UUID(payment_id))
    except ValueError:
        raise PaymentNotFound(payment_id) from None


@dataclass(frozen=True, slots=True)
class HitThenCacheRead:
    """A `RateLimitedCacheRead` of any limiter and cache: the hit, then the read."""

    limiter: RateLimiter
    cache: PaymentCache

    async def __call__(
        self, key: str, limit: RateLimit, merchant_id: str, payment_id: str
    ) -> tuple[RateDecision, Payment | None]:
        decision = await self.limiter.hit(key, limit)
        if not decision.allowed:
            return decision, None
        return decision, await self.cache.get(merchant_id, payment_id)
