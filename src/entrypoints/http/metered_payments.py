"""Payments counted by the status they ended in, around the ProcessPayment use case."""

from __future__ import annotations

from adapters.observability import GatewayMetrics
from paycore.use_cases import PaymentResult, ProcessPayment, ProcessPaymentCommand


class MeteredProcessPayment:
    """Called as ProcessPayment is (the routes depend on that call only); a replay is not a
    new payment, so it is not counted again."""

    def __init__(self, inner: ProcessPayment, metrics: GatewayMetrics) -> None:
        self._inner = inner
        self._payments = metrics.payments

    async def __call__(self, command: ProcessPaymentCommand) -> PaymentResult:
        result = await self._inner(command)
        if not result.replayed:
            self._payments.labels(result.payment.status.value).inc()
        return result
