"""Retention purges in SQLite: each batch is one short write transaction on the writer,
bounded by a LIMIT in a subquery (SQLite's DELETE ... LIMIT is a compile-time option)."""

from __future__ import annotations

from datetime import datetime

from adapters.sqlite.connections import SqliteConnections
from adapters.sqlite.timestamps import to_micros

_PURGE_IDEMPOTENCY = (
    "DELETE FROM idempotency_keys WHERE (merchant_id, key) IN "
    "(SELECT merchant_id, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)"
)
_PURGE_REFRESH_TOKENS = (
    "DELETE FROM refresh_tokens WHERE jti IN (SELECT jti FROM refresh_tokens "
    "WHERE expires_at <= :now UNION ALL SELECT jti FROM refresh_tokens "
    "WHERE used = 1 AND revoked = 0 LIMIT :limit)"
)


class SqliteRetention:
    def __init__(self, connections: SqliteConnections) -> None:
        self._connections = connections

    async def purge_idempotency_keys(self, created_before: datetime, limit: int) -> int:
        return await self._delete(_PURGE_IDEMPOTENCY, (to_micros(created_before), limit))

    async def purge_refresh_tokens(self, now: datetime, limit: int) -> int:
        return await self._delete(_PURGE_REFRESH_TOKENS, {"now": to_micros(now), "limit": limit})

    async def _delete(self, sql: str, values: tuple[int, int] | dict[str, int]) -> int:
        # Autocommit on the writer, taken from every unit of work meanwhile: one statement
        # is its own transaction, as short as its batch.
        return await self._connections.on_writer_alone(lambda c: c.execute(sql, values).rowcount)
