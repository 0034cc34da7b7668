"""Refresh tokens in PostgreSQL: issued and revoked in a unit of work, used on their own."""

from __future__ import annotations

from datetime import UTC

import psycopg
from psycopg_pool import AsyncConnectionPool

from adapters.postgres.statements import PostgresStatements
from paycore.refresh_token import RefreshToken

_SELECT_BY_JTI = (
    "SELECT jti, family_id, merchant_id::text, expires_at, used, revoked, api_key_id::text "
    "FROM refresh_tokens WHERE jti = %s"
)
# Row locks make the guarded UPDATE atomic: a concurrent one waits, re-checks `used` and
# changes nothing.
_MARK_USED = "UPDATE refresh_tokens SET used = true WHERE jti = %s AND NOT used AND NOT revoked"


class PostgresRefreshTokenRepository:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def add(self, token: RefreshToken) -> None:
        t = token
        self._statements.stage(
            "INSERT INTO refresh_tokens "
            "(jti, family_id, merchant_id, expires_at, used, revoked, api_key_id) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (t.jti, t.family_id, t.merchant_id, t.expires_at, t.used, t.revoked, t.api_key_id),
        )

    async def get(self, jti: str) -> RefreshToken | None:
        row = await (await self._statements.read(_SELECT_BY_JTI, (jti,))).fetchone()
        if row is None:
            return None
        jti, family_id, merchant_id, expires_at, used, revoked, api_key_id = row
        expires = expires_at.astimezone(UTC)
        return RefreshToken(jti, family_id, merchant_id, expires, used, revoked, api_key_id)

    async def revoke_family(self, family_id: str) -> None:
        self._statements.stage(
            "UPDATE refresh_tokens SET revoked = true WHERE family_id = %s", (family_id,)
        )


class PostgresRefreshTokenUses:
    """Each use is one statement in autocommit on a pooled connection: atomic and durable
    by itself, whatever becomes of any unit of work around it."""

    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def mark_used(self, jti: str) -> bool:
        async with self._pool.connection() as conn:
            try:
                return (await conn.execute(_MARK_USED, (jti,))).rowcount == 1
            except psycopg.OperationalError:
                if not conn.broken:
                    raise
        # The connection was dead before the statement ran (a killed backend, a failover):
        # nothing happened, so once more after sweeping the pool's dead connections.
        await self._pool.check()
        async with self._pool.connection() as conn:
            return (await conn.execute(_MARK_USED, (jti,))).rowcount == 1
