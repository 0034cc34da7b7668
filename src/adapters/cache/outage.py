"""Sitting out an outage of a best-effort service (the cache): after a failure, answer at
once without it for a while, then try again; log the outage once, when it starts, and
once more when the service answers again."""

from __future__ import annotations

import time

import structlog

logger = structlog.get_logger(__name__)


class Outage:
    def __init__(self, retry_after_seconds: float, *, event: str = "cache") -> None:
        self._retry_after = retry_after_seconds
        self._event = event
        self._down_until: float | None = None

    def sitting_out(self) -> bool:
        """Whether to skip the service now (it failed less than `retry_after` ago)."""
        return self._down_until is not None and time.monotonic() < self._down_until

    def went_down(self, error: Exception) -> None:
        if self._down_until is None:
            logger.warning(f"{self._event}.unavailable", error=repr(error))
        self._down_until = time.monotonic() + self._retry_after

    def came_back(self) -> None:
        if self._down_until is not None:
            logger.info(f"{self._event}.recovered")
            self._down_until = None
