"""Deliveries of an event to an endpoint, their attempts, and when to try again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# Re-exported: the events API shows the same statuses.
from paycore.events import DeliveryStatus as DeliveryStatus
from paycore.events import Event

MAX_RETRY_DELAY = timedelta(hours=6)
# Recorded on a delivery whose last allowed attempt was leased and never finished.
UNFINISHED_ATTEMPT = "no answer: the attempt's worker stopped before it finished"


@dataclass(frozen=True, slots=True)
class Delivery:
    """One event's delivery to one endpoint (the events API shows all but the id, the
    last error and the creation time)."""

    id: int
    event_id: str
    endpoint_id: str
    attempts: int
    status: DeliveryStatus
    last_response_status: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DueDelivery:
    """A delivery a worker has claimed: its attempt number `attempt` is started."""

    id: int
    attempt: int
    endpoint_id: str
    url: str
    secret_ciphertext: bytes
    event: Event


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """What became of one attempt: a response status, or the error that prevented one."""

    delivery_id: int
    attempt: int
    finished_at: datetime
    response_status: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.response_status is not None and 200 <= self.response_status < 300


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff from `base`, doubling, capped, for `max_attempts`."""

    base: timedelta = timedelta(seconds=60)
    max_attempts: int = 12
    cap: timedelta = MAX_RETRY_DELAY

    def next_attempt_at(self, result: AttemptResult, jitter: float) -> datetime | None:
        """When to try again after a failed attempt, or None to give up.

        `jitter` in [0, 1) spreads retries of many deliveries that failed together (a
        receiver's outage) over the last quarter of each delay, so they do not return as
        one wave.
        """
        if result.attempt >= self.max_attempts:
            return None
        # Past 32 doublings every delay is the cap; the bound keeps timedelta from overflowing.
        delay = min(self.cap, self.base * (1 << min(result.attempt - 1, 32)))
        return result.finished_at + delay * (1 - jitter / 4)
