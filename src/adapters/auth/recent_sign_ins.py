"""Logins found signed in, remembered in process memory for at most `max_age` seconds.

Authentication reads the store on every request only to refuse tokens of removed
merchants and revoked logins; remembering a positive answer briefly keeps that guarantee
with a bound instead of a round trip: a login revoked elsewhere (another process) is
refused at the latest `max_age` seconds later, and at once in the process that revoked it
(and in every process sharing a Redis with it: `sign_in_broadcast.py`).
Only positive answers are kept: a refused token always costs its read, so nothing stale
can ever let a request in beyond the bound. The requests that miss together share one read
(shared_reads.py); one begun before a revocation here is neither joined nor remembered.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from adapters.auth.shared_reads import SharedReads
from paycore.auth_ports import LoginRead
from paycore.merchant import Merchant

Key = tuple[str, str]


class RecentSignIns:
    def __init__(
        self,
        max_age: float,
        *,
        capacity: int = 10_000,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_age = max_age
        self._capacity = capacity
        self._monotonic = monotonic
        # Insertion order is expiry order (one max_age for all), so the oldest is first.
        self._entries: dict[Key, tuple[float, Merchant]] = {}
        self._reads: SharedReads[Key, Merchant | None] = SharedReads()

    async def recall_or_read(
        self, merchant_id: str, login_id: str, read: LoginRead
    ) -> Merchant | None:
        merchant = self.recall(merchant_id, login_id)
        if merchant is not None:
            return merchant
        if self._max_age <= 0:
            return await read()  # every request reads: none may use another's answer
        merchant, current = await self._reads.read((merchant_id, login_id), read)
        if merchant is not None and current:
            self.remember(merchant, login_id)
        return merchant

    def recall(self, merchant_id: str, login_id: str) -> Merchant | None:
        entry = self._entries.get((merchant_id, login_id))
        if entry is None:
            return None
        expires_at, merchant = entry
        if self._monotonic() < expires_at:
            return merchant
        del self._entries[(merchant_id, login_id)]
        return None

    def remember(self, merchant: Merchant, login_id: str) -> None:
        if self._max_age <= 0:
            return  # remembering is switched off: every request reads the store
        key = (merchant.id, login_id)
        self._entries.pop(key, None)  # re-inserted last, keeping the order by expiry
        if len(self._entries) >= self._capacity:
            del self._entries[next(iter(self._entries))]
        self._entries[key] = (self._monotonic() + self._max_age, merchant)

    async def forget_login(self, login_id: str) -> None:
        self.drop_login(login_id)

    async def forget_merchant(self, merchant_id: str) -> None:
        self.drop_merchant(merchant_id)

    def drop_login(self, login_id: str) -> None:
        self._reads.invalidate()
        for key in [key for key in self._entries if key[1] == login_id]:
            del self._entries[key]

    def drop_merchant(self, merchant_id: str) -> None:
        self._reads.invalidate()
        for key in [key for key in self._entries if key[0] == merchant_id]:
            del self._entries[key]
