"""Keys whose newest version this process failed to write to Redis (or skipped, sitting out).

Redis may still hold the version before it: after a timeout or an outage without a
restart, reading it back would show this process's own client an older status than the
one it was given. Such a stale copy is never a settled one (a settled payment never
changes again), so it lives at most the Pending TTL: remembering a key that long is enough.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class UnwrittenKeys:
    def __init__(self, hold_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._hold = hold_seconds
        self._clock = clock
        # key -> until when its Redis copy may be stale; insertion order is expiry order.
        self._until: OrderedDict[str, float] = OrderedDict()

    def add(self, key: str) -> None:
        now = self._clock()
        self._until[key] = now + self._hold
        self._until.move_to_end(key)
        while self._until:
            oldest, until = next(iter(self._until.items()))
            if until > now:
                break
            del self._until[oldest]

    def discard(self, key: str) -> None:
        """A write of the key reached Redis: its copy is no longer behind this process."""
        self._until.pop(key, None)

    def __contains__(self, key: str) -> bool:
        until = self._until.get(key)  # the only cost on a read while nothing was lost
        if until is None:
            return False
        if until > self._clock():
            return True
        del self._until[key]
        return False

    def __len__(self) -> int:
        return len(self._until)
