"""Decorators over the bank and cache ports that count and time what passes through."""

from __future__ import annotations

import time

from adapters.observability.metrics import GatewayMetrics
from paycore.bank import AuthorizationRequest, BankOutcome, LookupOutcome
from paycore.payment import Payment
from paycore.ports import AcquiringBank, PaymentCache


def _outcome_label(outcome: LookupOutcome) -> str:
    reason = getattr(outcome, "reason", None)
    name = type(outcome).__name__.lower()
    return f"{name}:{reason}" if name == "unavailable" and reason else name


class InstrumentedBank:
    def __init__(self, inner: AcquiringBank, metrics: GatewayMetrics) -> None:
        self._inner = inner
        self._metrics = metrics

    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        started = time.perf_counter()
        outcome = await self._inner.authorize(request)
        self._observe("authorize", outcome, started)
        return outcome

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        started = time.perf_counter()
        outcome = await self._inner.lookup(idempotency_key)
        self._observe("lookup", outcome, started)
        return outcome

    def _observe(self, operation: str, outcome: LookupOutcome, started: float) -> None:
        self._metrics.bank_latency.labels(operation, _outcome_label(outcome)).observe(
            time.perf_counter() - started
        )
        state = getattr(self._inner, "breaker_state", None)
        if isinstance(state, str):
            self._metrics.set_breaker_state(state)


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
