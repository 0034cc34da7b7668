"""The in-memory merchants: staged until their unit of work commits."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from adapters.memory.state import InMemoryState
from paycore.merchant import Merchant


class InMemoryMerchantRepository:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store
        self.staged: dict[str, Merchant] = {}
        self.disabled: dict[str, datetime] = {}

    async def add(self, merchant: Merchant) -> None:
        if await self.get_by_email(merchant.email) is not None:
            raise ValueError(f"a merchant with email {merchant.email} exists")
        self.staged[merchant.id] = merchant

    async def get(self, merchant_id: str) -> Merchant | None:
        return self.staged.get(merchant_id) or self._store.merchants.get(merchant_id)

    async def get_by_email(self, email: str) -> Merchant | None:
        wanted = email.casefold()
        everyone = [*self._store.merchants.values(), *self.staged.values()]
        return next((m for m in everyone if m.email.casefold() == wanted), None)

    async def get_signed_in(
        self, merchant_id: str, login_id: str, now: datetime
    ) -> Merchant | None:
        family = [t for t in self._store.refresh_tokens.values() if t.family_id == login_id]
        if any(t.revoked for t in family):
            return None
        key_ids = {t.api_key_id for t in family if t.api_key_id is not None}
        keys = [self._store.api_keys.get(key_id) for key_id in key_ids]
        if any(key is not None and not key.active_at(now) for key in keys):
            return None
        merchant = await self.get(merchant_id)
        return merchant if merchant is not None and merchant.disabled_at is None else None

    async def disable(self, merchant_id: str, at: datetime) -> None:
        self.disabled[merchant_id] = at

    def apply(self) -> None:
        merchants = self._store.merchants
        merchants.update(self.staged)
        for merchant_id, at in self.disabled.items():
            merchant = merchants.get(merchant_id)
            if merchant is not None and merchant.disabled_at is None:
                merchants[merchant_id] = replace(merchant, disabled_at=at)

    def forget_staged(self) -> None:
        self.staged.clear()
        self.disabled.clear()
