"""A decorator over the cache port that counts hits and misses."""

from __future__ import annotations

from adapters.observability.metrics import GatewayMetrics
from paycore.payment import Payment
from paycore.ports import PaymentCache


class InstrumentedCache:
    def __init__(self, inner: PaymentCache, metrics: GatewayMetrics) -> None:
        self._inner = inner
        self._hit = metrics.cache_requests.labels("hit")
        self._miss = metrics.cache_requests.labels("miss")

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        payment = await self._inner.get(merchant_id, payment_id)
        (self._miss if payment is None else self._hit).inc()
        return payment

    async def put(self, payment: Payment) -> None:
        await self._inner.put(payment)
