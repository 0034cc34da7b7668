"""API keys in PostgreSQL, written in their unit of work's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from adapters.postgres.ids import is_uuid
from adapters.postgres.statements import PostgresStatements
from paycore.api_key import ApiKey

_ACTIVE_FOR_MERCHANT = (
    "SELECT k.id::text, k.merchant_id::text, k.hash, k.prefix, k.last4, k.created_at, "
    "k.expires_at, k.revoked_at FROM api_keys k WHERE k.merchant_id = %(merchant)s "
    "AND (k.revoked_at IS NULL OR k.revoked_at > %(now)s) "
    "AND (k.expires_at IS NULL OR k.expires_at > %(now)s) ORDER BY k.created_at, k.id"
)
_ACTIVE_FOR_EMAIL = (
    "SELECT k.id::text, k.merchant_id::text, k.hash, k.prefix, k.last4, k.created_at, "
    "k.expires_at, k.revoked_at FROM merchants m JOIN api_keys k ON k.merchant_id = m.id "
    "WHERE lower(m.email) = lower(%(email)s) AND m.disabled_at IS NULL "
    "AND (k.revoked_at IS NULL OR k.revoked_at > %(now)s) "
    "AND (k.expires_at IS NULL OR k.expires_at > %(now)s) ORDER BY k.created_at, k.id"
)


class PostgresApiKeyRepository:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def add(self, key: ApiKey) -> None:
        k = key
        self._statements.stage(
            "INSERT INTO api_keys (id, merchant_id, hash, prefix, last4, created_at, "
            "expires_at, revoked_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (k.id, k.merchant_id, k.hash, k.prefix, k.last4, k.created_at, k.expires_at,
             k.revoked_at),
        )  # fmt: skip

    async def active_for(self, merchant_id: str, now: datetime) -> list[ApiKey]:
        if not is_uuid(merchant_id):
            return []
        return await self._all(_ACTIVE_FOR_MERCHANT, {"merchant": merchant_id, "now": now})

    async def active_for_email(self, email: str, now: datetime) -> list[ApiKey]:
        return await self._all(_ACTIVE_FOR_EMAIL, {"email": email, "now": now})

    async def revoke(self, key_id: str, at: datetime) -> None:
        self._statements.stage(
            "UPDATE api_keys SET revoked_at = %s WHERE id = %s AND revoked_at IS NULL",
            (at, key_id),
        )

    async def expire(self, key_id: str, at: datetime) -> None:
        self._statements.stage(
            "UPDATE api_keys SET expires_at = %(at)s WHERE id = %(id)s "
            "AND (expires_at IS NULL OR expires_at > %(at)s)",
            {"at": at, "id": key_id},
        )

    async def _all(self, sql: str, values: dict[str, Any]) -> list[ApiKey]:
        rows = await (await self._statements.read(sql, values)).fetchall()
        return [_key(row) for row in rows]


def _key(row: Any) -> ApiKey:
    key_id, merchant_id, hash_, prefix, last4, created_at, expires_at, revoked_at = row
    expires = None if expires_at is None else expires_at.astimezone(UTC)
    revoked = None if revoked_at is None else revoked_at.astimezone(UTC)
    created = created_at.astimezone(UTC)
    return ApiKey(key_id, merchant_id, hash_, prefix, last4, created, expires, revoked)
