"""Rate limiting: a budget of requests per key (a merchant, an address, an email)."""

from __future__ import annotations

from typing import Protocol

from paycore.payment import Payment
from paycore.rate_limit import RateDecision, RateLimit


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: RateLimit) -> RateDecision:
        """Spend one request of the key's budget if there is one left; the decision."""
        ...

    async def peek(self, key: str, limit: RateLimit) -> RateDecision:
        """Whether one more request would be allowed now, spending nothing."""
        ...

    async def give_back(self, key: str, limit: RateLimit) -> None:
        """Return one request spent with `hit` (it turned out not to count)."""
        ...


class RateLimitedCacheRead(Protocol):
    """Spend one request of a key's budget and, only if it is allowed, read a payment's
    cached copy: where the budget and the cache share a store, in one round trip."""

    async def __call__(
        self, key: str, limit: RateLimit, merchant_id: str, payment_id: str
    ) -> tuple[RateDecision, Payment | None]:
        """The decision, and the cached payment (None: a miss, or not read)."""
        ...
