"""The simulator's own Prometheus metrics, so dashboards can set the gateway beside its bank."""

from __future__ import annotations

from litestar import Response, get
from litestar.handlers import HTTPRouteHandler
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, generate_latest


class BankMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.decisions = Counter(
            "banksim_authorizations",
            "Authorization answers by outcome, and whether they were replays",
            ["outcome", "replayed"],
            registry=self.registry,
        )

    def record(self, outcome: str, replayed: bool) -> None:
        self.decisions.labels(outcome, "true" if replayed else "false").inc()

    def route(self) -> HTTPRouteHandler:
        @get("/metrics", sync_to_thread=False)
        def metrics() -> Response[bytes]:
            return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)

        return metrics
