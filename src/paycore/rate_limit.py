"""Rate limits as a policy: "N per period", decided by the generic cell rate algorithm.

GCRA keeps one number per key, the theoretical arrival time (TAT) of the next request if
requests came evenly spaced; a burst of up to N passes, then one more per period/N. Every
limiter (in process, in Redis) applies exactly this arithmetic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

_UNITS = {"s": 1.0, "sec": 1.0, "second": 1.0, "m": 60.0, "min": 60.0, "minute": 60.0}
_UNITS |= {"h": 3600.0, "hour": 3600.0, "d": 86400.0, "day": 86400.0}
_FORMAT = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*")
# Float arithmetic must not turn an exact budget into one request fewer.
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class RateLimit:
    count: int
    period: float  # seconds

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """`100/s`, `10/min`, `5/h`, `1000/10s`: ValueError for anything else."""
        match = _FORMAT.fullmatch(text.lower())
        unit = _UNITS.get(match.group(3)) if match else None
        if match is None or unit is None:
            raise ValueError(f"{text!r} is not a rate like 100/s, 10/min or 5/h")
        count, periods = int(match.group(1)), int(match.group(2) or 1)
        if count < 1 or periods < 1:
            raise ValueError(f"{text!r}: the count and the period must be positive")
        return cls(count, periods * unit)

    @property
    def interval(self) -> float:
        """Seconds one request takes of the budget (the budget refills one per interval)."""
        return self.period / self.count


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: float  # until the whole budget is available again
    retry_after_seconds: float = 0.0  # until a refused request would pass

    @property
    def retry_after_header(self) -> int:
        """Whole seconds, never 0: a client told 0 would retry at once and be refused."""
        return max(1, math.ceil(self.retry_after_seconds - _EPSILON))

    @property
    def reset_header(self) -> int:
        return max(0, math.ceil(self.reset_seconds - _EPSILON))


def decide(limit: RateLimit, tat: float | None, now: float) -> tuple[RateDecision, float]:
    """The decision on one more request at `now`, and the key's TAT if it is spent."""
    start = now if tat is None else max(tat, now)
    next_tat = start + limit.interval
    allowed_from = next_tat - limit.period
    if now < allowed_from - _EPSILON:
        refused = RateDecision(False, limit.count, 0, start - now, allowed_from - now)
        return refused, start
    remaining = int((limit.period - (next_tat - now)) / limit.interval + _EPSILON)
    return RateDecision(True, limit.count, max(0, remaining), next_tat - now), next_tat


def look(limit: RateLimit, tat: float | None, now: float) -> RateDecision:
    """What one more request would meet at `now`, spending nothing: its `remaining` is the
    budget left now, and its reset the time until that budget is whole."""
    decision, _ = decide(limit, tat, now)
    if not decision.allowed:
        return decision
    start = now if tat is None else max(tat, now)
    return replace(decision, remaining=decision.remaining + 1, reset_seconds=start - now)


def given_back(limit: RateLimit, tat: float | None, now: float) -> float | None:
    """The key's TAT once one spent request is returned (None: the budget is whole)."""
    if tat is None or tat - limit.interval <= now:
        return None
    return tat - limit.interval
