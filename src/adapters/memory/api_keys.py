"""The in-memory API keys: staged until their unit of work commits."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from adapters.memory.state import InMemoryState
from paycore.api_key import ApiKey


class InMemoryApiKeyRepository:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store
        self.staged: dict[str, ApiKey] = {}

    async def add(self, key: ApiKey) -> None:
        self.staged[key.id] = key

    async def active_for(self, merchant_id: str, now: datetime) -> list[ApiKey]:
        keys = {**self._store.api_keys, **self.staged}.values()
        mine = [k for k in keys if k.merchant_id == merchant_id and k.active_at(now)]
        return sorted(mine, key=lambda k: (k.created_at, k.id))

    async def active_for_email(self, email: str, now: datetime) -> list[ApiKey]:
        wanted = email.casefold()
        merchant = next(
            (m for m in self._store.merchants.values() if m.email.casefold() == wanted), None
        )
        if merchant is None or merchant.disabled_at is not None:
            return []
        return await self.active_for(merchant.id, now)

    async def revoke(self, key_id: str, at: datetime) -> None:
        key = self._current(key_id)
        if key is not None and key.revoked_at is None:
            self.staged[key_id] = replace(key, revoked_at=at)

    async def expire(self, key_id: str, at: datetime) -> None:
        key = self._current(key_id)
        if key is not None and (key.expires_at is None or at < key.expires_at):
            self.staged[key_id] = replace(key, expires_at=at)

    def _current(self, key_id: str) -> ApiKey | None:
        return self.staged.get(key_id) or self._store.api_keys.get(key_id)

    def apply(self) -> None:
        self._store.api_keys.update(self.staged)
