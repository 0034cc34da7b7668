"""A bank observer that keeps plain counters, for tests to assert on."""

from __future__ import annotations

from collections import Counter

from adapters.bank.observer import Operation, outcome_label
from adapters.bank.replies import AnyOutcome


class CountingObserver:
    def __init__(self) -> None:
        self.outcomes: Counter[tuple[Operation, str]] = Counter()
        self.attempts: Counter[Operation] = Counter()
        self.retries: Counter[Operation] = Counter()
        self.breaker_states: list[str] = []

    def call_finished(
        self, operation: Operation, outcome: AnyOutcome, latency_seconds: float, attempts: int
    ) -> None:
        self.outcomes[(operation, outcome_label(outcome))] += 1
        self.attempts[operation] += attempts

    def retried(self, operation: Operation, cause: AnyOutcome) -> None:
        self.retries[operation] += 1

    def breaker_changed(self, state: str) -> None:
        self.breaker_states.append(state)
