"""A merchant's own API keys: create one, list the active ones, revoke one."""

from __future__ import annotations

from dataclasses import dataclass, replace

from paycore.api_key import ApiKey, IssuedApiKey
from paycore.auth_ports import RecentSignIns
from paycore.errors import ApiKeyNotFound, LastActiveKey
from paycore.ports import Clock, UnitOfWorkFactory
from paycore.use_cases.key_issuance import KeyIssuer


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateApiKey:
    uow: UnitOfWorkFactory
    issuer: KeyIssuer
    clock: Clock

    async def __call__(self, merchant_id: str) -> IssuedApiKey:
        async with self.uow() as uow:
            issued = await self.issuer.issue(uow, merchant_id, self.clock.now())
            await uow.commit()
        return issued


@dataclass(frozen=True, slots=True, kw_only=True)
class ListApiKeys:
    uow: UnitOfWorkFactory
    clock: Clock

    async def __call__(self, merchant_id: str) -> list[ApiKey]:
        async with self.uow() as uow:
            return await uow.api_keys.active_for(merchant_id, self.clock.now())


@dataclass(frozen=True, slots=True, kw_only=True)
class RevokeApiKey:
    """Like deleting a secret key at Stripe: it stops working at once, and so does every
    login opened with it. The last active key cannot be revoked (the merchant would be
    locked out): create another first, or rotate."""

    uow: UnitOfWorkFactory
    clock: Clock
    recent: RecentSignIns | None = None

    async def __call__(self, merchant_id: str, key_id: str) -> ApiKey:
        now = self.clock.now()
        async with self.uow() as uow:
            active = await uow.api_keys.active_for(merchant_id, now)
            key = next((k for k in active if k.id == key_id), None)
            if key is None:
                raise ApiKeyNotFound(key_id)
            if len(active) == 1:
                raise LastActiveKey(key_id)
            await uow.api_keys.revoke(key.id, now)
            await uow.commit()
        if self.recent is not None:
            await self.recent.forget_merchant(merchant_id)  # its logins are refused from now
        return replace(key, revoked_at=now)
