"""PurgeExpired: the retention sweep, deleting idempotency keys past their time to live
and refresh tokens that can never be used again, a batch at a time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from paycore.ports import Clock, RetentionStore

_Batch = Callable[[int], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    idempotency_ttl: timedelta
    # Small batches keep each transaction (and its locks) short; the cap on batches keeps
    # one sweep from monopolising the store when a backlog builds up.
    batch_size: int = 1000
    max_batches: int = 20


@dataclass(frozen=True, slots=True)
class PurgeReport:
    idempotency_keys: int
    refresh_tokens: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PurgeExpired:
    store: RetentionStore
    clock: Clock
    policy: RetentionPolicy

    async def __call__(self) -> PurgeReport:
        now = self.clock.now()
        cutoff = now - self.policy.idempotency_ttl
        keys = await self._drain(lambda limit: self.store.purge_idempotency_keys(cutoff, limit))
        tokens = await self._drain(lambda limit: self.store.purge_refresh_tokens(now, limit))
        return PurgeReport(keys, tokens)

    async def _drain(self, purge: _Batch) -> int:
        total = 0
        for _ in range(self.policy.max_batches):
            purged = await purge(self.policy.batch_size)
            total += purged
            if purged < self.policy.batch_size:
                break
        return total
