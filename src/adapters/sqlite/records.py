"""Idempotency keys, merchants and refresh tokens in SQLite."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from adapters.codec import decode_json, encode_json
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken

if TYPE_CHECKING:
    from adapters.sqlite.unit_of_work import SqliteUnitOfWork

_CLAIM = (
    "INSERT INTO idempotency_keys "
    "(merchant_id, key, request_fingerprint, payment_id, created_at, completed) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
_HOLDER = (
    "SELECT merchant_id, key, request_fingerprint, payment_id, created_at, completed, "
    "response, retry_after_seconds FROM idempotency_keys WHERE merchant_id = ? AND key = ?"
)
_COMPLETE = (
    "UPDATE idempotency_keys SET completed = 1, response = ?, retry_after_seconds = ? "
    "WHERE merchant_id = ? AND key = ?"
)
_MERCHANT = "SELECT id, email, api_key_hash, created_at FROM merchants"
_SIGNED_IN = (
    "SELECT id, email, api_key_hash, created_at FROM merchants WHERE id = ? "
    "AND NOT EXISTS "
    "(SELECT 1 FROM refresh_tokens WHERE family_id = ? AND revoked = 1)"
)
_SELECT_BY_JTI = (
    "SELECT jti, family_id, merchant_id, expires_at, used, revoked FROM refresh_tokens "
    "WHERE jti = ?"
)


class SqliteIdempotencyStore:
    def __init__(self, uow: SqliteUnitOfWork) -> None:
        self._uow = uow

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        r = record
        params = (r.merchant_id, r.key, r.request_fingerprint, r.payment_id)
        values = (*params, to_micros(r.created_at), int(r.completed))

        def claim_or_find_holder(c: sqlite3.Connection) -> Any:
            if c.execute(_CLAIM, values).rowcount == 1:
                return None
            return c.execute(_HOLDER, (r.merchant_id, r.key)).fetchone()

        # A write even when the key is taken: the holder is read under the write lock.
        row = await self._uow.write(claim_or_find_holder)
        if row is None:
            return None
        merchant_id, key, fingerprint, payment_id, created_at, completed, response, retry = row
        return IdempotencyRecord(
            merchant_id,
            key,
            fingerprint,
            payment_id,
            from_micros(created_at),
            bool(completed),
            None if response is None else decode_json(response),
            retry,
        )

    async def complete(
        self,
        merchant_id: str,
        key: str,
        *,
        response: Payment,
        retry_after_seconds: int | None = None,
    ) -> None:
        params = (encode_json(response).decode(), retry_after_seconds, merchant_id, key)
        await self._uow.write(lambda c: c.execute(_COMPLETE, params))


class SqliteMerchantRepository:
    def __init__(self, uow: SqliteUnitOfWork) -> None:
        self._uow = uow

    async def add(self, merchant: Merchant) -> None:
        m = merchant
        sql = (
            "INSERT INTO merchants (id, email, email_folded, api_key_hash, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
        )
        params = (m.id, m.email, m.email.casefold(), m.api_key_hash, to_micros(m.created_at))
        if await self._uow.write(lambda c: c.execute(sql, params).rowcount) != 1:
            raise ValueError(f"a merchant with email {m.email} or id {m.id} exists")

    async def get(self, merchant_id: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE id = ?", merchant_id)

    async def get_by_email(self, email: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE email_folded = ?", email.casefold())

    async def get_signed_in(self, merchant_id: str, login_id: str) -> Merchant | None:
        return await self._one(_SIGNED_IN, merchant_id, login_id)

    async def _one(self, sql: str, *values: str) -> Merchant | None:
        row = await self._uow.read(lambda c: c.execute(sql, values).fetchone())
        if row is None:
            return None
        merchant_id, email, api_key_hash, created_at = row
        return Merchant(merchant_id, email, api_key_hash, from_micros(created_at))


class SqliteRefreshTokenRepository:
    """mark_used and revoke_family commit at once, as the in-memory reference does."""

    def __init__(self, uow: SqliteUnitOfWork) -> None:
        self._uow = uow

    async def add(self, token: RefreshToken) -> None:
        t = token
        sql = (
            "INSERT INTO refresh_tokens (jti, family_id, merchant_id, expires_at, used, revoked) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        )
        params = (
            t.jti, t.family_id, t.merchant_id, to_micros(t.expires_at), int(t.used), int(t.revoked)
        )  # fmt: skip
        await self._uow.write(lambda c: c.execute(sql, params))

    async def get(self, jti: str) -> RefreshToken | None:
        row = await self._uow.read(lambda c: c.execute(_SELECT_BY_JTI, (jti,)).fetchone())
        if row is None:
            return None
        jti, family_id, merchant_id, expires_at, used, revoked = row
        return RefreshToken(
            jti, family_id, merchant_id, from_micros(expires_at), bool(used), bool(revoked)
        )

    async def mark_used(self, jti: str) -> bool:
        sql = "UPDATE refresh_tokens SET used = 1 WHERE jti = ? AND used = 0 AND revoked = 0"
        return await self._uow.write_at_once(lambda c: c.execute(sql, (jti,)).rowcount == 1)

    async def revoke_family(self, family_id: str) -> None:
        sql = "UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?"
        await self._uow.write_at_once(lambda c: c.execute(sql, (family_id,)))
