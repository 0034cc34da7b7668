"""The in-memory idempotency keys: a claim is held at once, its completion staged."""

from __future__ import annotations

import copy
from dataclasses import replace

from adapters.memory.state import IdempotencyKey, InMemoryState
from paycore.idempotency import FirstAnswer, IdempotencyRecord
from paycore.payment import Payment


class InMemoryIdempotencyStore:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store
        self.claimed: list[IdempotencyKey] = []
        # Key -> (the payment answered, its Retry-After), applied on commit.
        self.completed: dict[IdempotencyKey, tuple[Payment, int | None]] = {}

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        key = (record.merchant_id, record.key)
        holder = self._store.idempotency.get(key) or self._store.claims.get(key)
        if holder is not None:
            # A copy, as a database row would be: the caller may change what it gets.
            return replace(holder, response=copy.deepcopy(holder.response))
        self._store.claims[key] = record
        self.claimed.append(key)
        return None

    async def complete(self, answer: FirstAnswer) -> None:
        snapshot = copy.deepcopy(answer.response)
        self.completed[(answer.merchant_id, answer.key)] = (snapshot, answer.retry_after_seconds)

    def apply(self) -> None:
        for key in self.claimed:
            self._store.idempotency[key] = self._store.claims[key]
        for key, (response, retry_after) in self.completed.items():
            self._store.idempotency[key] = replace(
                self._store.idempotency[key],
                completed=True,
                response=response,
                retry_after_seconds=retry_after,
            )

    def release(self) -> None:
        for key in self.claimed:
            self._store.claims.pop(key, None)
        self.claimed.clear()
        self.completed.clear()
