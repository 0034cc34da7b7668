"""Time, identity and keyed hashing: what every use case may ask of the outside world."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class IdGenerator(Protocol):
    def new_id(self) -> str:
        """A fresh, unique, time-ordered identifier (a UUID in text form)."""
        ...


class Fingerprinter(Protocol):
    def fingerprint(self, data: bytes) -> str:
        """A keyed hash of `data`: stable for one key, useless without it."""
        ...
