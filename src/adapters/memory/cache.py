"""An in-process payment cache for tests and library users."""

from __future__ import annotations

import copy

from paycore.payment import Payment


class InMemoryPaymentCache:
    """A cache that never goes back in time: an older version never replaces a newer one."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], Payment] = {}
        self.hits = 0
        self.misses = 0

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        payment = self._entries.get((merchant_id, payment_id))
        if payment is None:
            self.misses += 1
            return None
        self.hits += 1
        return copy.deepcopy(payment)

    async def put(self, payment: Payment) -> None:
        key = (payment.merchant_id, payment.id)
        current = self._entries.get(key)
        if current is None or current.version <= payment.version:
            self._entries[key] = copy.deepcopy(payment)
