"""Feeds the bank client's observer hooks into Prometheus metrics."""

from __future__ import annotations

from adapters.bank.observer import ACTION_OPERATIONS, Operation, outcome_label
from adapters.bank.replies import AnyOutcome
from adapters.observability.metrics import GatewayMetrics


class PrometheusBankObserver:
    def __init__(self, metrics: GatewayMetrics) -> None:
        self._metrics = metrics

    def call_finished(
        self, operation: Operation, outcome: AnyOutcome, latency_seconds: float, attempts: int
    ) -> None:
        label = outcome_label(outcome)
        self._metrics.bank_latency.labels(operation, label).observe(latency_seconds)
        if operation in ACTION_OPERATIONS:
            self._metrics.payment_actions.labels(operation, label).inc()

    def retried(self, operation: Operation, cause: AnyOutcome) -> None:
        self._metrics.bank_retries.labels(operation).inc()

    def breaker_changed(self, state: str) -> None:
        self._metrics.set_breaker_state(state)
