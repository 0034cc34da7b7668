"""Rate limits kept in process memory: each process of a gateway has its own budgets."""

from __future__ import annotations

import time
from collections.abc import Callable

from paycore.rate_limit import RateDecision, RateLimit, decide, given_back, look


class InMemoryRateLimiter:
    def __init__(
        self, *, capacity: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self._capacity = capacity
        self._tats: dict[str, float] = {}

    async def hit(self, key: str, limit: RateLimit) -> RateDecision:
        # No await between the read and the write: atomic under asyncio.
        now = self._clock()
        decision, tat = decide(limit, self._tats.get(key), now)
        if decision.allowed:
            self._store(key, tat, now)
        return decision

    async def peek(self, key: str, limit: RateLimit) -> RateDecision:
        return look(limit, self._tats.get(key), self._clock())

    async def give_back(self, key: str, limit: RateLimit) -> None:
        tat = given_back(limit, self._tats.get(key), self._clock())
        if tat is None:
            self._tats.pop(key, None)
        else:
            self._tats[key] = tat

    def _store(self, key: str, tat: float, now: float) -> None:
        self._tats.pop(key, None)
        if len(self._tats) >= self._capacity:
            # A key whose TAT has passed holds a full budget: forgetting it changes nothing.
            self._tats = {k: t for k, t in self._tats.items() if t > now}
            if len(self._tats) >= self._capacity:
                del self._tats[next(iter(self._tats))]
        self._tats[key] = tat
