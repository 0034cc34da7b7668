"""Idempotency keys, merchants and refresh tokens in PostgreSQL."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any

from adapters.codec import decode_json, encode_json
from adapters.postgres.payments import is_uuid
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken

if TYPE_CHECKING:
    from adapters.postgres.unit_of_work import PostgresUnitOfWork

_CLAIM = (
    "INSERT INTO idempotency_keys "
    "(merchant_id, key, request_fingerprint, payment_id, created_at, completed) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
_HOLDER = (
    "SELECT merchant_id::text, key, request_fingerprint, payment_id::text, created_at, "
    "completed, response::text, retry_after_seconds "
    "FROM idempotency_keys WHERE merchant_id = %s AND key = %s"
)
_COMPLETE = (
    "UPDATE idempotency_keys SET completed = true, response = %s::jsonb, "
    "retry_after_seconds = %s WHERE merchant_id = %s AND key = %s"
)
_MERCHANT = "SELECT id::text, email, api_key_hash, created_at FROM merchants"
# A revoked family has revoked rows only (revoke_family marks them all at once); the partial
# index refresh_tokens_revoked_family answers this without reading a live family's rows.
_SIGNED_IN = (
    "SELECT id::text, email, api_key_hash, created_at FROM merchants WHERE id = %s "
    "AND NOT EXISTS "
    "(SELECT 1 FROM refresh_tokens WHERE family_id = %s AND revoked)"
)
_SELECT_BY_JTI = (
    "SELECT jti, family_id, merchant_id::text, expires_at, used, revoked "
    "FROM refresh_tokens WHERE jti = %s"
)


class PostgresIdempotencyStore:
    def __init__(self, uow: PostgresUnitOfWork) -> None:
        self._uow = uow

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        r = record
        values = (r.merchant_id, r.key, r.request_fingerprint, r.payment_id)
        # A concurrent claimer's uncommitted row makes the INSERT wait for its outcome;
        # each statement then sees a fresh snapshot (READ COMMITTED), so the SELECT finds
        # the winner. The loop covers a holder deleted in between (key expiry).
        for _ in range(3):
            cursor = await self._uow.write(_CLAIM, (*values, r.created_at, r.completed))
            if cursor.rowcount == 1:
                return None
            cursor = await self._uow.execute(_HOLDER, (r.merchant_id, r.key))
            row = await cursor.fetchone()
            if row is not None:
                return _holder(row)
        raise RuntimeError(f"idempotency key {r.key!r} neither claimable nor held")

    async def complete(
        self,
        merchant_id: str,
        key: str,
        *,
        response: Payment,
        retry_after_seconds: int | None = None,
    ) -> None:
        snapshot = encode_json(response).decode()
        self._uow.defer(_COMPLETE, (snapshot, retry_after_seconds, merchant_id, key))


def _holder(row: tuple[Any, ...]) -> IdempotencyRecord:
    merchant_id, key, fingerprint, payment_id, created_at, completed, response, retry = row
    return IdempotencyRecord(
        merchant_id,
        key,
        fingerprint,
        payment_id,
        created_at.astimezone(UTC),
        completed,
        None if response is None else decode_json(response),
        retry,
    )


class PostgresMerchantRepository:
    def __init__(self, uow: PostgresUnitOfWork) -> None:
        self._uow = uow

    async def add(self, merchant: Merchant) -> None:
        m = merchant
        # DO NOTHING (not an error) keeps the transaction usable after a duplicate.
        cursor = await self._uow.write(
            "INSERT INTO merchants (id, email, api_key_hash, created_at) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (m.id, m.email, m.api_key_hash, m.created_at),
        )
        if cursor.rowcount != 1:
            raise ValueError(f"a merchant with email {m.email} or id {m.id} exists")

    async def get(self, merchant_id: str) -> Merchant | None:
        if not is_uuid(merchant_id):
            return None
        return await self._one(f"{_MERCHANT} WHERE id = %s", merchant_id)

    async def get_by_email(self, email: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE lower(email) = lower(%s)", email)

    async def get_signed_in(self, merchant_id: str, login_id: str) -> Merchant | None:
        if not is_uuid(merchant_id):
            return None
        return await self._one(_SIGNED_IN, merchant_id, login_id)

    async def _one(self, sql: str, *values: str) -> Merchant | None:
        row = await (await self._uow.execute(sql, values)).fetchone()
        if row is None:
            return None
        merchant_id, email, api_key_hash, created_at = row
        return Merchant(merchant_id, email, api_key_hash, created_at.astimezone(UTC))


class PostgresRefreshTokenRepository:
    """mark_used and revoke_family commit at once, as the in-memory reference does."""

    def __init__(self, uow: PostgresUnitOfWork) -> None:
        self._uow = uow

    async def add(self, token: RefreshToken) -> None:
        t = token
        await self._uow.write(
            "INSERT INTO refresh_tokens (jti, family_id, merchant_id, expires_at, used, revoked) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            (t.jti, t.family_id, t.merchant_id, t.expires_at, t.used, t.revoked),
        )

    async def get(self, jti: str) -> RefreshToken | None:
        row = await (await self._uow.execute(_SELECT_BY_JTI, (jti,))).fetchone()
        if row is None:
            return None
        jti, family_id, merchant_id, expires_at, used, revoked = row
        return RefreshToken(jti, family_id, merchant_id, expires_at.astimezone(UTC), used, revoked)

    async def mark_used(self, jti: str) -> bool:
        # Row locks make the guarded UPDATE atomic: a concurrent one waits, re-checks
        # `used` and changes nothing.
        changed = await self._uow.execute_at_once(
            "UPDATE refresh_tokens SET used = true WHERE jti = %s AND NOT used AND NOT revoked",
            (jti,),
        )
        return changed == 1

    async def revoke_family(self, family_id: str) -> None:
        await self._uow.execute_at_once(
            "UPDATE refresh_tokens SET revoked = true WHERE family_id = %s", (family_id,)
        )
