"""Purging what is kept no longer than it is needed; each call is one short transaction of
at most `limit` rows that commits by itself, safe while other processes purge too."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class RetentionStore(Protocol):
    async def purge_idempotency_keys(self, created_before: datetime, limit: int) -> int:
        """Delete up to `limit` idempotency keys created before the time; how many went."""
        ...

    async def purge_refresh_tokens(self, now: datetime, limit: int) -> int:
        """Delete up to `limit` refresh tokens that can never be used again: expired ones,
        and used ones of logins that were not revoked (a revoked login keeps its rows until
        they expire, as they are what refuses its tokens). How many went."""
        ...
