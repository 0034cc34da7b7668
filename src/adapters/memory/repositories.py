"""The in-memory repositories of idempotency keys, merchants and refresh tokens: they stage
writes that their unit of work applies."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import TYPE_CHECKING

from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken

if TYPE_CHECKING:
    from adapters.memory.units import IdempotencyKey, InMemoryStore


class InMemoryIdempotencyStore:
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.claimed: list[IdempotencyKey] = []
        # Key -> (the payment answered, its Retry-After), applied on commit.
        self.completed: dict[IdempotencyKey, tuple[Payment, int | None]] = {}

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        key = (record.merchant_id, record.key)
        holder = self._store.idempotency.get(key) or self._store.claims.get(key)
        if holder is not None:
            # A copy, as a database row would be: the caller may change what it gets.
            return replace(holder, response=copy.deepcopy(holder.response))
        self._store.claims[key] = record
        self.claimed.append(key)
        return None

    async def complete(
        self,
        merchant_id: str,
        key: str,
        *,
        response: Payment,
        retry_after_seconds: int | None = None,
    ) -> None:
        self.completed[(merchant_id, key)] = (copy.deepcopy(response), retry_after_seconds)

    def apply(self) -> None:
        for key in self.claimed:
            self._store.idempotency[key] = self._store.claims[key]
        for key, (response, retry_after) in self.completed.items():
            self._store.idempotency[key] = replace(
                self._store.idempotency[key],
                completed=True,
                response=response,
                retry_after_seconds=retry_after,
            )

    def release(self) -> None:
        for key in self.claimed:
            self._store.claims.pop(key, None)
        self.claimed.clear()
        self.completed.clear()


class InMemoryMerchantRepository:
    def __init__(self, store: InMemoryStore) -> None:
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


class InMemoryRefreshTokenRepository:
    """Writes go straight to the store: marking a token used must win or lose at once."""

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, RefreshToken] = {}

    async def add(self, token: RefreshToken) -> None:
        self.staged[token.jti] = token

    async def get(self, jti: str) -> RefreshToken | None:
        return self.staged.get(jti) or self._store.refresh_tokens.get(jti)

    async def mark_used(self, jti: str) -> bool:
        token = self._store.refresh_tokens.get(jti)
        if token is None or token.used or token.revoked:
            return False
        self._store.refresh_tokens[jti] = replace(token, used=True)
        return True

    async def revoke_family(self, family_id: str) -> None:
        tokens = self._store.refresh_tokens
        for jti, token in list(tokens.items()):
            if token.family_id == family_id:
                tokens[jti] = replace(token, revoked=True)

    def apply(self) -> None:
        self._store.refresh_tokens.update(self.staged)
