"""Merchants in SQLite, and whether one of their logins is still signed in."""

from __future__ import annotations

from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.merchant import Merchant

_MERCHANT = "SELECT id, email, api_key_hash, created_at FROM merchants"
_SIGNED_IN = (
    "SELECT id, email, api_key_hash, created_at FROM merchants WHERE id = ? "
    "AND NOT EXISTS "
    "(SELECT 1 FROM refresh_tokens WHERE family_id = ? AND revoked = 1)"
)


class SqliteMerchantRepository:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def add(self, merchant: Merchant) -> None:
        m = merchant
        sql = (
            "INSERT INTO merchants (id, email, email_folded, api_key_hash, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
        )
        params = (m.id, m.email, m.email.casefold(), m.api_key_hash, to_micros(m.created_at))
        if await self._statements.write(lambda c: c.execute(sql, params).rowcount) != 1:
            raise ValueError(f"a merchant with email {m.email} or id {m.id} exists")

    async def get(self, merchant_id: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE id = ?", merchant_id)

    async def get_by_email(self, email: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE email_folded = ?", email.casefold())

    async def get_signed_in(self, merchant_id: str, login_id: str) -> Merchant | None:
        return await self._one(_SIGNED_IN, merchant_id, login_id)

    async def _one(self, sql: str, *values: str) -> Merchant | None:
        row = await self._statements.read(lambda c: c.execute(sql, values).fetchone())
        if row is None:
            return None
        merchant_id, email, api_key_hash, created_at = row
        return Merchant(merchant_id, email, api_key_hash, from_micros(created_at))
