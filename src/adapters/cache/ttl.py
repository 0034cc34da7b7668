"""An in-process payment cache with a time-to-live and a size bound, for embedded mode."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from adapters.codec import decode_json, encode_json
from paycore.payment import Payment

CacheKey = tuple[str, str]


class TtlPaymentCache:
    """Least recently used entries go first when full; an older version never replaces a newer.

    Entries are kept encoded, so a caller can never mutate a cached payment in place.
    """

    def __init__(
        self,
        ttl_seconds: float = 300.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl_seconds <= 0 or max_entries < 1:
            raise ValueError("ttl_seconds must be positive and max_entries at least 1")
        self._ttl = ttl_seconds
        self._max_entries = max_entries
        self._clock = clock
        # key -> (expires at, version, encoded payment)
        self._entries: OrderedDict[CacheKey, tuple[float, int, bytes]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        key = (merchant_id, payment_id)
        entry = self._live_entry(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return decode_json(entry[2])

    async def put(self, payment: Payment) -> None:
        key = (payment.merchant_id, payment.id)
        current = self._live_entry(key)
        if current is not None and current[1] > payment.version:
            return
        self._entries[key] = (self._clock() + self._ttl, payment.version, encode_json(payment))
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def _live_entry(self, key: CacheKey) -> tuple[float, int, bytes] | None:
        entry = self._entries.get(key)
        if entry is not None and entry[0] <= self._clock():
            del self._entries[key]
            return None
        return entry
