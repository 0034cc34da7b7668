"""RegisterMerchant: a new merchant with a fresh API key, shown once, kept only as its hash."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paycore.errors import InvalidEmail, MerchantExists
from paycore.merchant import Merchant
from paycore.ports import Clock, IdGenerator, UnitOfWorkFactory
from paycore.use_cases.key_issuance import KeyIssuer

_EMAIL = re.compile(r"[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+")
MAX_EMAIL_LENGTH = 254


@dataclass(frozen=True, slots=True)
class NewMerchant:
    merchant: Merchant
    api_key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterMerchant:
    uow: UnitOfWorkFactory
    issuer: KeyIssuer
    clock: Clock
    ids: IdGenerator

    async def __call__(self, email: str) -> NewMerchant:
        email = email.strip()
        if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(email):
            raise InvalidEmail(email)
        merchant = Merchant(id=self.ids.new_id(), email=email, created_at=self.clock.now())
        async with self.uow() as uow:
            if await uow.merchants.get_by_email(email) is not None:
                raise MerchantExists(email)
            await uow.merchants.add(merchant)
            issued = await self.issuer.issue(uow, merchant.id, merchant.created_at)
            await uow.commit()
        return NewMerchant(merchant, issued.secret)
