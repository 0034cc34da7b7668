"""Gateway metrics fed from the HTTP layer: requests by route, payments by outcome."""

from __future__ import annotations

from typing import Any

from litestar import Response, get
from litestar.di import NamedDependency

from adapters.observability import GatewayMetrics, render_latest
from paycore.use_cases import PaymentResult, ProcessPayment, ProcessPaymentCommand


class MeteredProcessPayment:
    """ProcessPayment that counts each new payment by the status it ended in."""

    def __init__(self, inner: ProcessPayment, metrics: GatewayMetrics) -> None:
        self._inner = inner
        self._payments = metrics.payments

    async def __call__(self, command: ProcessPaymentCommand) -> PaymentResult:
        result = await self._inner(command)
        if not result.replayed:
            self._payments.labels(result.payment.status.value).inc()
        return result


def observe_request(
    metrics: GatewayMetrics, method: str, route: str, status: int, seconds: float
) -> None:
    metrics.http_requests.labels(method, route, str(status)).inc()
    metrics.http_latency.labels(method, route).observe(seconds)


@get("/metrics", operation_id="metrics", tags=["Operations"], summary="Prometheus metrics")
async def metrics_endpoint(metrics: NamedDependency[Any]) -> Response[bytes]:
    body, content_type = render_latest(metrics)
    return Response(content=body, media_type=without_charset(content_type))


def without_charset(content_type: str) -> str:
    """Litestar adds `; charset=utf-8` to every text/ type itself: a second one makes the
    header unparsable (Prometheus 3 refuses the scrape)."""
    kept = [p for p in content_type.split(";") if not p.strip().lower().startswith("charset=")]
    return ";".join(kept).strip()
