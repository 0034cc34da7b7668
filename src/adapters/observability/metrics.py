"""The gateway's metric families (names are documented in deploy/METRICS.md).

With several worker processes, prometheus-client's multiprocess mode (the environment
variable PROMETHEUS_MULTIPROC_DIR, set by `paygate serve --workers N` before the workers
start) makes every worker write its samples to files that `/metrics` aggregates.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
BREAKER_STATES = {"closed": 0, "half_open": 1, "open": 2}


class GatewayMetrics:
    """Metric families in their own registry, so tests can build many apps side by side."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.http_requests = Counter(
            "paygate_http_requests",
            "HTTP requests answered",
            ["method", "route", "status"],
            registry=r,
        )
        self.http_latency = Histogram(
            "paygate_http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.payments = Counter(
            "paygate_payments", "Payments processed, by resulting status", ["status"], registry=r
        )
        self.bank_latency = Histogram(
            "paygate_bank_request_duration_seconds",
            "Bank call latency by outcome",
            ["operation", "outcome"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.bank_retries = Counter(
            "paygate_bank_retries",
            "Bank calls repeated after a safe failure",
            ["operation"],
            registry=r,
        )
        self.payment_actions = Counter(
            "paygate_payment_actions",
            "Captures, voids and refunds sent to the bank, by type and outcome",
            ["type", "outcome"],
            registry=r,
        )
        self.expired_authorizations = Counter(
            "paygate_expired_authorizations",
            "Authorizations that lapsed uncaptured",
            registry=r,
        )
        self.purged_rows = Counter(
            "paygate_purged_rows",
            "Rows the retention sweep deleted, by table",
            ["table"],
            registry=r,
        )
        self.breaker_state = Gauge(
            "paygate_circuit_breaker_state",
            "Bank circuit: 0 closed, 1 half-open, 2 open",
            multiprocess_mode="max",
            registry=r,
        )
        self.cache_requests = Counter(
            "paygate_cache_requests", "Payment cache lookups", ["result"], registry=r
        )
        self.pending_payments = Gauge(
            "paygate_pending_payments",
            "Pending payments past the settlement threshold that the last sweep left Pending",
            multiprocess_mode="max",
            registry=r,
        )
        self.webhook_deliveries = Counter(
            "paygate_webhook_deliveries",
            "Webhook attempts by what they left the delivery: delivered, pending (to be "
            "retried) or failed (given up)",
            ["outcome"],
            registry=r,
        )
        self.webhook_attempts = Counter(
            "paygate_webhook_attempts", "Webhook delivery attempts started", registry=r
        )
        self.webhook_oldest_pending = Gauge(
            "paygate_webhook_oldest_pending_seconds",
            "Age of the oldest webhook delivery not yet delivered nor given up",
            multiprocess_mode="max",
            registry=r,
        )
        self.webhook_oldest_undispatched = Gauge(
            "paygate_webhook_oldest_undispatched_seconds",
            "Age of the oldest event not yet fanned out into deliveries",
            multiprocess_mode="max",
            registry=r,
        )

    def set_breaker_state(self, state: str) -> None:
        self.breaker_state.set(BREAKER_STATES.get(state, 0))


def render_latest(metrics: GatewayMetrics) -> tuple[bytes, str]:
    """The exposition text: aggregated across workers in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(metrics.registry), CONTENT_TYPE_LATEST
