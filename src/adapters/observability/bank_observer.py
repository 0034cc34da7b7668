"""Feeds the bank client's observer hooks into Prometheus metrics."""

from __future__ import annotations

from adapters.bank.observer import Operation, outcome_label
from adapters.observability.metrics import GatewayMetrics
from paycore.bank import LookupOutcome


class PrometheusBankObserver:
    def __init__(self, metrics: GatewayMetrics) -> None:
        self._metrics = metrics

    def call_finished(
        self, operation: Operation, outcome: LookupOutcome, latency_seconds: float, attempts: int
    ) -> None:
        self._metrics.bank_latency.labels(operation, outcome_label(outcome)).observe(
            latency_seconds
        )

    def retried(self, operation: Operation, cause: LookupOutcome) -> None:
        self._metrics.bank_retries.labels(operation).inc()

    def breaker_changed(self, state: str) -> None:
        self._metrics.set_breaker_state(state)
