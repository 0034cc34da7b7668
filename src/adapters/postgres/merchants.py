"""Merchants in PostgreSQL, and whether one of their logins is still signed in."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from adapters.postgres.ids import is_uuid
from adapters.postgres.statements import PostgresStatements
from paycore.merchant import Merchant

_MERCHANT = "SELECT id::text, email, created_at, disabled_at FROM merchants"
# Signed in: not disabled, the login not revoked, and the key that opened it (every row of
# a login names the same one) neither revoked nor expired. A revoked family has revoked
# rows only (revoke_family marks them all at once); the partial index
# refresh_tokens_revoked_family answers that part without reading a live family's rows.
_SIGNED_IN = (
    "SELECT id::text, email, created_at, disabled_at FROM merchants "
    "WHERE id = %(merchant)s AND disabled_at IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = %(login)s AND revoked) "
    "AND NOT EXISTS (SELECT 1 FROM api_keys WHERE id = "
    "(SELECT api_key_id FROM refresh_tokens WHERE family_id = %(login)s LIMIT 1) "
    "AND (revoked_at <= %(now)s OR expires_at <= %(now)s))"
)


class PostgresMerchantRepository:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def add(self, merchant: Merchant) -> None:
        m = merchant
        # At once, as the caller must learn of a duplicate; DO NOTHING (not an error) keeps
        # the transaction usable after one.
        cursor = await self._statements.write(
            "INSERT INTO merchants (id, email, created_at, disabled_at) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (m.id, m.email, m.created_at, m.disabled_at),
        )
        if cursor.rowcount != 1:
            raise ValueError(f"a merchant with email {m.email} or id {m.id} exists")

    async def get(self, merchant_id: str) -> Merchant | None:
        if not is_uuid(merchant_id):
            return None
        return await self._one(f"{_MERCHANT} WHERE id = %s", (merchant_id,))

    async def get_by_email(self, email: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE lower(email) = lower(%s)", (email,))

    async def get_signed_in(
        self, merchant_id: str, login_id: str, now: datetime
    ) -> Merchant | None:
        if not is_uuid(merchant_id):
            return None
        return await self._one(_SIGNED_IN, {"merchant": merchant_id, "login": login_id, "now": now})

    async def disable(self, merchant_id: str, at: datetime) -> None:
        self._statements.stage(
            "UPDATE merchants SET disabled_at = %s WHERE id = %s AND disabled_at IS NULL",
            (at, merchant_id),
        )

    async def _one(self, sql: str, values: Any) -> Merchant | None:
        row = await (await self._statements.read(sql, values)).fetchone()
        if row is None:
            return None
        merchant_id, email, created_at, disabled_at = row
        disabled = None if disabled_at is None else disabled_at.astimezone(UTC)
        return Merchant(merchant_id, email, created_at.astimezone(UTC), disabled)
