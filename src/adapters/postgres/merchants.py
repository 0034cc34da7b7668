"""Merchants in PostgreSQL, and whether one of their logins is still signed in."""

from __future__ import annotations

from datetime import UTC

from adapters.postgres.ids import is_uuid
from adapters.postgres.statements import PostgresStatements
from paycore.merchant import Merchant

_MERCHANT = "SELECT id::text, email, api_key_hash, created_at FROM merchants"
# A revoked family has revoked rows only (revoke_family marks them all at once); the partial
# index refresh_tokens_revoked_family answers this without reading a live family's rows.
_SIGNED_IN = (
    "SELECT id::text, email, api_key_hash, created_at FROM merchants WHERE id = %s "
    "AND NOT EXISTS "
    "(SELECT 1 FROM refresh_tokens WHERE family_id = %s AND revoked)"
)


class PostgresMerchantRepository:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def add(self, merchant: Merchant) -> None:
        m = merchant
        # At once, as the caller must learn of a duplicate; DO NOTHING (not an error) keeps
        # the transaction usable after one.
        cursor = await self._statements.write(
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
        row = await (await self._statements.read(sql, values)).fetchone()
        if row is None:
            return None
        merchant_id, email, api_key_hash, created_at = row
        return Merchant(merchant_id, email, api_key_hash, created_at.astimezone(UTC))
