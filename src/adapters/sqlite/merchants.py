"""Merchants in SQLite, and whether one of their logins is still signed in."""

from __future__ import annotations

from datetime import datetime

from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.merchant import Merchant

_MERCHANT = "SELECT id, email, created_at, disabled_at FROM merchants"
# Signed in: not disabled, the login not revoked, and the key that opened it (every row of
# a login names the same one) neither revoked nor expired.
_SIGNED_IN = (
    "SELECT id, email, created_at, disabled_at FROM merchants "
    "WHERE id = :merchant AND disabled_at IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = :login AND revoked = 1) "
    "AND NOT EXISTS (SELECT 1 FROM api_keys WHERE id = "
    "(SELECT api_key_id FROM refresh_tokens WHERE family_id = :login LIMIT 1) "
    "AND (revoked_at <= :now OR expires_at <= :now))"
)


class SqliteMerchantRepository:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def add(self, merchant: Merchant) -> None:
        m = merchant
        sql = (
            "INSERT INTO merchants (id, email, email_folded, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
        )
        params = (m.id, m.email, m.email.casefold(), to_micros(m.created_at))
        if await self._statements.write(lambda c: c.execute(sql, params).rowcount) != 1:
            raise ValueError(f"a merchant with email {m.email} or id {m.id} exists")

    async def get(self, merchant_id: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE id = ?", (merchant_id,))

    async def get_by_email(self, email: str) -> Merchant | None:
        return await self._one(f"{_MERCHANT} WHERE email_folded = ?", (email.casefold(),))

    async def get_signed_in(
        self, merchant_id: str, login_id: str, now: datetime
    ) -> Merchant | None:
        values = {"merchant": merchant_id, "login": login_id, "now": to_micros(now)}
        return await self._one(_SIGNED_IN, values)

    async def disable(self, merchant_id: str, at: datetime) -> None:
        sql = "UPDATE merchants SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL"
        await self._statements.write(lambda c: c.execute(sql, (to_micros(at), merchant_id)))

    async def _one(self, sql: str, values: tuple[str, ...] | dict[str, object]) -> Merchant | None:
        row = await self._statements.read(lambda c: c.execute(sql, values).fetchone())
        if row is None:
            return None
        merchant_id, email, created_at, disabled_at = row
        disabled = None if disabled_at is None else from_micros(disabled_at)
        return Merchant(merchant_id, email, from_micros(created_at), disabled)
