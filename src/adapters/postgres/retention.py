"""Retention purges in PostgreSQL: each batch is one autocommitted statement that deletes
at most `limit` rows, skipping rows another process is purging (or a request is using),
so several processes share the work and no lock is held for long."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg_pool import AsyncConnectionPool

_PURGE_IDEMPOTENCY = (
    "DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys "
    "WHERE created_at < %s LIMIT %s FOR UPDATE SKIP LOCKED)"
)
# Two index scans (refresh_tokens_expires_at, refresh_tokens_used) OR-ed by the planner.
_PURGE_REFRESH_TOKENS = (
    "DELETE FROM refresh_tokens WHERE ctid IN (SELECT ctid FROM refresh_tokens "
    "WHERE expires_at <= %(now)s OR (used AND NOT revoked) "
    "LIMIT %(limit)s FOR UPDATE SKIP LOCKED)"
)


class PostgresRetention:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def purge_idempotency_keys(self, created_before: datetime, limit: int) -> int:
        return await self._delete(_PURGE_IDEMPOTENCY, (created_before, limit))

    async def purge_refresh_tokens(self, now: datetime, limit: int) -> int:
        return await self._delete(_PURGE_REFRESH_TOKENS, {"now": now, "limit": limit})

    async def _delete(self, sql: str, values: Any) -> int:
        async with self._pool.connection() as conn:
            return (await conn.execute(sql, values)).rowcount
