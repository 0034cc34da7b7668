"""Marking a refresh token used, in a unit of work of its own that commits at once."""

from __future__ import annotations

from paycore.ports import UnitOfWorkFactory


class UnitOfWorkRefreshTokenUses:
    """RefreshTokenUses on the store's refresh-token repository, until the stores offer it
    outside a unit of work themselves."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def mark_used(self, jti: str) -> bool:
        async with self._uow() as uow:
            used = await uow.refresh_tokens.mark_used(jti)
            await uow.commit()
        return used
