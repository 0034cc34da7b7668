"""Refresh tokens in SQLite: issued and revoked in a unit of work, used on their own."""

from __future__ import annotations

from adapters.sqlite.connections import SqliteConnections
from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.refresh_token import RefreshToken

_SELECT_BY_JTI = (
    "SELECT jti, family_id, merchant_id, expires_at, used, revoked, api_key_id "
    "FROM refresh_tokens "
    "WHERE jti = ?"
)
_MARK_USED = "UPDATE refresh_tokens SET used = 1 WHERE jti = ? AND used = 0 AND revoked = 0"


class SqliteRefreshTokenRepository:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def add(self, token: RefreshToken) -> None:
        t = token
        sql = (
            "INSERT INTO refresh_tokens "
            "(jti, family_id, merchant_id, expires_at, used, revoked, api_key_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        params = (
            t.jti, t.family_id, t.merchant_id, to_micros(t.expires_at), int(t.used),
            int(t.revoked), t.api_key_id,
        )  # fmt: skip
        await self._statements.write(lambda c: c.execute(sql, params))

    async def get(self, jti: str) -> RefreshToken | None:
        row = await self._statements.read(lambda c: c.execute(_SELECT_BY_JTI, (jti,)).fetchone())
        if row is None:
            return None
        jti, family_id, merchant_id, expires_at, used, revoked, api_key_id = row
        return RefreshToken(
            jti, family_id, merchant_id, from_micros(expires_at), bool(used), bool(revoked),
            api_key_id,
        )  # fmt: skip

    async def revoke_family(self, family_id: str) -> None:
        sql = "UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?"
        await self._statements.write(lambda c: c.execute(sql, (family_id,)))


class SqliteRefreshTokenUses:
    """Each use is one statement in autocommit on the writer, taken from every unit of work
    for its duration: atomic and durable by itself (synchronous = FULL). A task whose own
    unit of work is writing holds the writer, so it uses tokens before its first write."""

    def __init__(self, connections: SqliteConnections) -> None:
        self._connections = connections

    async def mark_used(self, jti: str) -> bool:
        return await self._connections.on_writer_alone(
            lambda c: c.execute(_MARK_USED, (jti,)).rowcount == 1
        )
