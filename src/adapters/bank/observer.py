"""Hooks for metrics: the bank client reports what happened, an observer decides what to count.

The default observer does nothing; adapters.observability feeds Prometheus through the
same three methods.
"""

from __future__ import annotations

from typing import Literal, Protocol

from adapters.bank.replies import AnyOutcome
from paycore.bank import Unavailable

Operation = Literal["authorize", "lookup", "capture", "void", "refund", "lookup_action"]
ACTION_OPERATIONS: frozenset[Operation] = frozenset({"capture", "void", "refund"})


def outcome_label(outcome: AnyOutcome) -> str:
    """A short, bounded label: "authorized", "unavailable", "not_found", ..."""
    return {
        "Authorized": "authorized",
        "Declined": "declined",
        "Unavailable": "unavailable",
        "Unknown": "unknown",
        "NotFound": "not_found",
        "LookupUnsupported": "lookup_unsupported",
        "ActionSucceeded": "succeeded",
        "ActionRefused": "refused",
    }[type(outcome).__name__]


def outcome_reason(outcome: AnyOutcome) -> str | None:
    return str(outcome.reason) if isinstance(outcome, Unavailable) else None


class BankObserver(Protocol):
    def call_finished(
        self, operation: Operation, outcome: AnyOutcome, latency_seconds: float, attempts: int
    ) -> None:
        """One call is over; `attempts` is 0 when the open circuit stopped it."""
        ...

    def retried(self, operation: Operation, cause: AnyOutcome) -> None:
        """A call is about to be repeated after `cause` (a 503 or a refused connection)."""
        ...

    def breaker_changed(self, state: str) -> None:
        """The circuit moved to "closed", "open" or "half_open"."""
        ...


class NullObserver:
    def call_finished(
        self, operation: Operation, outcome: AnyOutcome, latency_seconds: float, attempts: int
    ) -> None:
        pass

    def retried(self, operation: Operation, cause: AnyOutcome) -> None:
        pass

    def breaker_changed(self, state: str) -> None:
        pass
