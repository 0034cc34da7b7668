"""Refresh tokens: issued and revoked inside a unit of work, used outside any."""

from __future__ import annotations

from typing import Protocol

from paycore.refresh_token import RefreshToken


class RefreshTokenRepository(Protocol):
    async def add(self, token: RefreshToken) -> None:
        """Stage a newly issued refresh token."""
        ...

    async def get(self, jti: str) -> RefreshToken | None:
        """The token with this id, or None."""
        ...

    async def revoke_family(self, family_id: str) -> None:
        """Stage the revocation of every token of a login, after a reuse was detected."""
        ...


class RefreshTokenUses(Protocol):
    async def mark_used(self, jti: str) -> bool:
        """Atomically and durably mark an unused, unrevoked token used (it commits by
        itself, outside any unit of work); False if it already was."""
        ...
