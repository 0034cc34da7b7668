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
        self.actions = Counter(
            "banksim_actions",
            "Capture, refund and void answers by type and outcome, and whether they were replays",
            ["type", "outcome", "replayed"],
            registry=self.registry,
        )

    def record(self, outcome: str, replayed: bool) -> None:
        self.decisions.labels(outcome, _flag(replayed)).inc()

    def record_action(self, kind: str, outcome: str, replayed: bool) -> None:
        self.actions.labels(kind, outcome, _flag(replayed)).inc()

    def route(self) -> HTTPRouteHandler:
        @get("/metrics", sync_to_thread=False)
        def metrics() -> Response[bytes]:
            return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)

        return metrics


def _flag(value: bool) -> str:
    return "true" if value else "false"
