"""PurgeExpired: batches until a short one, never more than the policy's cap per sweep."""

from __future__ import annotations

from datetime import datetime, timedelta

from adapters.memory import ManualClock
from paycore.use_cases import PurgeExpired, PurgeReport, RetentionPolicy


class BacklogStore:
    """A store with a backlog of rows to purge; remembers every call."""

    def __init__(self, keys: int, tokens: int) -> None:
        self.backlog = {"keys": keys, "tokens": tokens}
        self.calls: list[tuple[str, datetime, int]] = []

    async def purge_idempotency_keys(self, created_before: datetime, limit: int) -> int:
        return self._take("keys", created_before, limit)

    async def purge_refresh_tokens(self, now: datetime, limit: int) -> int:
        return self._take("tokens", now, limit)

    def _take(self, kind: str, moment: datetime, limit: int) -> int:
        self.calls.append((kind, moment, limit))
        taken = min(limit, self.backlog[kind])
        self.backlog[kind] -= taken
        return taken


async def test_a_backlog_is_purged_in_batches_up_to_the_cap() -> None:
    clock = ManualClock()
    store = BacklogStore(keys=25, tokens=100)
    policy = RetentionPolicy(idempotency_ttl=timedelta(days=1), batch_size=10, max_batches=5)

    report = await PurgeExpired(store=store, clock=clock, policy=policy)()

    assert report == PurgeReport(idempotency_keys=25, refresh_tokens=50)
    keys = [call for call in store.calls if call[0] == "keys"]
    assert len(keys) == 3 and {c[1] for c in keys} == {clock.now() - timedelta(days=1)}
    assert {c[1] for c in store.calls if c[0] == "tokens"} == {clock.now()}
    assert store.backlog == {"keys": 0, "tokens": 50}  # the rest waits for the next sweep
