"""API keys in SQLite, written in their unit of work's transaction."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.api_key import ApiKey

_ACTIVE_FOR_MERCHANT = (
    "SELECT k.id, k.merchant_id, k.hash, k.prefix, k.last4, k.created_at, k.expires_at, "
    "k.revoked_at FROM api_keys k WHERE k.merchant_id = :merchant "
    "AND (k.revoked_at IS NULL OR k.revoked_at > :now) "
    "AND (k.expires_at IS NULL OR k.expires_at > :now) ORDER BY k.created_at, k.id"
)
_ACTIVE_FOR_EMAIL = (
    "SELECT k.id, k.merchant_id, k.hash, k.prefix, k.last4, k.created_at, k.expires_at, "
    "k.revoked_at FROM merchants m JOIN api_keys k ON k.merchant_id = m.id "
    "WHERE m.email_folded = :email AND m.disabled_at IS NULL "
    "AND (k.revoked_at IS NULL OR k.revoked_at > :now) "
    "AND (k.expires_at IS NULL OR k.expires_at > :now) ORDER BY k.created_at, k.id"
)


class SqliteApiKeyRepository:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def add(self, key: ApiKey) -> None:
        k = key
        sql = (
            "INSERT INTO api_keys (id, merchant_id, hash, prefix, last4, created_at, "
            "expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        params = (
            k.id, k.merchant_id, k.hash, k.prefix, k.last4, to_micros(k.created_at),
            _micros(k.expires_at), _micros(k.revoked_at),
        )  # fmt: skip
        await self._statements.write(lambda c: c.execute(sql, params))

    async def active_for(self, merchant_id: str, now: datetime) -> list[ApiKey]:
        values = {"merchant": merchant_id, "now": to_micros(now)}
        return await self._all(_ACTIVE_FOR_MERCHANT, values)

    async def active_for_email(self, email: str, now: datetime) -> list[ApiKey]:
        values = {"email": email.casefold(), "now": to_micros(now)}
        return await self._all(_ACTIVE_FOR_EMAIL, values)

    async def revoke(self, key_id: str, at: datetime) -> None:
        sql = "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"
        await self._statements.write(lambda c: c.execute(sql, (to_micros(at), key_id)))

    async def expire(self, key_id: str, at: datetime) -> None:
        sql = (
            "UPDATE api_keys SET expires_at = :at WHERE id = :id "
            "AND (expires_at IS NULL OR expires_at > :at)"
        )
        params = {"at": to_micros(at), "id": key_id}
        await self._statements.write(lambda c: c.execute(sql, params))

    async def _all(self, sql: str, values: dict[str, object]) -> list[ApiKey]:
        def fetch(conn: sqlite3.Connection) -> list[Any]:
            return conn.execute(sql, values).fetchall()

        return [_key(row) for row in await self._statements.read(fetch)]


def _micros(moment: datetime | None) -> int | None:
    return None if moment is None else to_micros(moment)


def _key(row: Any) -> ApiKey:
    key_id, merchant_id, hash_, prefix, last4, created_at, expires_at, revoked_at = row
    expires, revoked = _moment(expires_at), _moment(revoked_at)
    created = from_micros(created_at)
    return ApiKey(key_id, merchant_id, hash_, prefix, last4, created, expires, revoked)


def _moment(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)
