"""Hooks for metrics: the bank client reports what happened, an observer decides what to count.

The default observer does nothing; adapters.observability feeds Prometheus through the
same three methods.
"""

from __future__ import annotations

from typing import Literal, Protocol

from paycore.bank import LookupOutcome, Unavailable

Operation = Literal["authorize", "lookup"]


def outcome_label(outcome: LookupOutcome) -> str:
    """A short, bounded label: "authorized", "unavailable", "not_found", ..."""
    return {
        "Authorized": "authorized",
        "Declined": "declined",
        "Unavailable": "unavailable",
        "Unknown": "unknown",
        "NotFound": "not_found",
        "LookupUnsupported": "lookup_unsupported",
    }[type(outcome).__name__]


def outcome_reason(outcome: LookupOutcome) -> str | None:
    return str(outcome.reason) if isinstance(outcome, Unavailable) else None


class BankObserver(Protocol):
    def call_finished(
        self, operation: Operation, outcome: LookupOutcome, latency_seconds: float, attempts: int
    ) -> None:
        """One authorize or lookup is over; `attempts` is 0 when the open circuit stopped it."""
        ...

    def retried(self, operation: Operation, cause: LookupOutcome) -> None:
        """A call is about to be repeated after `cause` (a 503 or a refused connection)."""
        ...

    def breaker_changed(self, state: str) -> None:
        """The circuit moved to "closed", "open" or "half_open"."""
        ...


class NullObserver:
    def call_finished(
        self, operation: Operation, outcome: LookupOutcome, latency_seconds: float, attempts: int
    ) -> None:
        pass

    def retried(self, operation: Operation, cause: LookupOutcome) -> None:
        pass

    def breaker_changed(self, state: str) -> None:
        pass
