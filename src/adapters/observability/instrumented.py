"""Decorators over the cache's ports that count hits and misses."""

from __future__ import annotations

from adapters.observability.metrics import GatewayMetrics
from paycore.payment import Payment
from paycore.ports import PaymentCache, RateLimitedCacheRead
from paycore.rate_limit import RateDecision, RateLimit


class _Reads:
    """The cache's hit and miss counters, their labelled series looked up once."""

    def __init__(self, metrics: GatewayMetrics) -> None:
        self._hit = metrics.cache_requests.labels("hit")
        self._miss = metrics.cache_requests.labels("miss")

    def count(self, payment: Payment | None) -> None:
        (self._miss if payment is None else self._hit).inc()


class InstrumentedCache:
    def __init__(self, inner: PaymentCache, metrics: GatewayMetrics) -> None:
        self.inner = inner
        self._reads = _Reads(metrics)

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        payment = await self.inner.get(merchant_id, payment_id)
        self._reads.count(payment)
        return payment

    async def put(self, payment: Payment) -> None:
        await self.inner.put(payment)


class InstrumentedCacheRead:
    """Counts the reads of a rate-limited cached read (a refused request reads nothing)."""

    def __init__(self, inner: RateLimitedCacheRead, metrics: GatewayMetrics) -> None:
        self.inner = inner
        self._reads = _Reads(metrics)

    async def __call__(
        self, key: str, limit: RateLimit, merchant_id: str, payment_id: str
    ) -> tuple[RateDecision, Payment | None]:
        decision, payment = await self.inner(key, limit, merchant_id, payment_id)
        if decision.allowed:
            self._reads.count(payment)
        return decision, payment
