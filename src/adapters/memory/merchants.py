"""The in-memory merchants: staged until their unit of work commits."""

from __future__ import annotations

from adapters.memory.state import InMemoryState
from paycore.merchant import Merchant


class InMemoryMerchantRepository:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store
        self.staged: dict[str, Merchant] = {}

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

    async def get_signed_in(self, merchant_id: str, login_id: str) -> Merchant | None:
        tokens = self._store.refresh_tokens.values()
        if any(t.family_id == login_id and t.revoked for t in tokens):
            return None
        return await self.get(merchant_id)

    def apply(self) -> None:
        self._store.merchants.update(self.staged)
