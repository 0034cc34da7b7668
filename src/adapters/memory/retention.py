"""The in-memory retention: purges change the committed state at once, alone."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.state import InMemoryState


class InMemoryRetention:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store

    async def purge_idempotency_keys(self, created_before: datetime, limit: int) -> int:
        records = self._store.idempotency
        due = [key for key, r in records.items() if r.created_at < created_before][:limit]
        for key in due:
            del records[key]
        return len(due)

    async def purge_refresh_tokens(self, now: datetime, limit: int) -> int:
        tokens = self._store.refresh_tokens
        due = [
            jti for jti, t in tokens.items() if t.expires_at <= now or (t.used and not t.revoked)
        ][:limit]
        for jti in due:
            del tokens[jti]
        return len(due)
