"""The in-memory refresh tokens: issued and revoked in a unit of work, used on their own."""

from __future__ import annotations

from dataclasses import replace

from adapters.memory.state import InMemoryState
from paycore.refresh_token import RefreshToken


class InMemoryRefreshTokenRepository:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store
        self.staged: dict[str, RefreshToken] = {}
        self.revoked_families: set[str] = set()

    async def add(self, token: RefreshToken) -> None:
        self.staged[token.jti] = token

    async def get(self, jti: str) -> RefreshToken | None:
        return self.staged.get(jti) or self._store.refresh_tokens.get(jti)

    async def revoke_family(self, family_id: str) -> None:
        self.revoked_families.add(family_id)

    def apply(self) -> None:
        tokens = self._store.refresh_tokens
        tokens.update(self.staged)
        for jti, token in list(tokens.items()):
            if token.family_id in self.revoked_families:
                tokens[jti] = replace(token, revoked=True)

    def forget_staged(self) -> None:
        self.staged.clear()
        self.revoked_families.clear()


class InMemoryRefreshTokenUses:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store

    async def mark_used(self, jti: str) -> bool:
        # No await between the check and the write: atomic under asyncio.
        token = self._store.refresh_tokens.get(jti)
        if token is None or token.used or token.revoked:
            return False
        self._store.refresh_tokens[jti] = replace(token, used=True)
        return True
