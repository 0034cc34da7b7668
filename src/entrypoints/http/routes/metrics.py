"""GET /metrics: the Prometheus exposition of the gateway's metrics."""

from __future__ import annotations

from typing import Any

from litestar import Response, get
from litestar.di import NamedDependency

from adapters.observability import render_latest


@get("/metrics", operation_id="metrics", tags=["Operations"], summary="Prometheus metrics")
async def metrics_endpoint(metrics: NamedDependency[Any]) -> Response[bytes]:
    body, content_type = render_latest(metrics)
    return Response(content=body, media_type=without_charset(content_type))


def without_charset(content_type: str) -> str:
    """Litestar adds `; charset=utf-8` to every text/ type itself: a second one makes the
    header unparsable (Prometheus 3 refuses the scrape)."""
    kept = [p for p in content_type.split(";") if not p.strip().lower().startswith("charset=")]
    return ";".join(kept).strip()
