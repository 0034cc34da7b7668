"""An operator's commands on a merchant: rotate its API key, disable it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from paycore.api_key import IssuedApiKey
from paycore.auth_ports import RecentSignIns
from paycore.errors import MerchantNotFound
from paycore.merchant import Merchant
from paycore.ports import Clock, UnitOfWork, UnitOfWorkFactory
from paycore.use_cases.key_issuance import KeyIssuer


async def _merchant(uow: UnitOfWork, email: str) -> Merchant:
    merchant = await uow.merchants.get_by_email(email.strip())
    if merchant is None:
        raise MerchantNotFound(email)
    return merchant


@dataclass(frozen=True, slots=True, kw_only=True)
class RotateApiKey:
    """A new key; the merchant's other keys keep working `keep_old_for` longer (zero: they
    and their logins stop at once), so a deployment can switch keys without downtime."""

    uow: UnitOfWorkFactory
    issuer: KeyIssuer
    clock: Clock
    recent: RecentSignIns | None = None

    async def __call__(self, email: str, keep_old_for: timedelta = timedelta(0)) -> IssuedApiKey:
        now = self.clock.now()
        async with self.uow() as uow:
            merchant = await _merchant(uow, email)
            old_keys = await uow.api_keys.active_for(merchant.id, now)
            issued = await self.issuer.issue(uow, merchant.id, now)
            for key in old_keys:
                if keep_old_for > timedelta(0):
                    await uow.api_keys.expire(key.id, now + keep_old_for)
                else:
                    await uow.api_keys.revoke(key.id, now)
            await uow.commit()
        if self.recent is not None and keep_old_for <= timedelta(0):
            await self.recent.forget_merchant(merchant.id)
        return issued


@dataclass(frozen=True, slots=True, kw_only=True)
class DisableMerchant:
    """The merchant can no longer sign in, and the tokens it holds are refused."""

    uow: UnitOfWorkFactory
    clock: Clock
    recent: RecentSignIns | None = None

    async def __call__(self, email: str) -> Merchant:
        async with self.uow() as uow:
            merchant = await _merchant(uow, email)
            await uow.merchants.disable(merchant.id, self.clock.now())
            await uow.commit()
        if self.recent is not None:
            await self.recent.forget_merchant(merchant.id)
        return merchant
