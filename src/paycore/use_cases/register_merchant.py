"""RegisterMerchant: a new merchant with a fresh API key, shown once, kept only as its hash."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paycore.auth_ports import ApiKeys
from paycore.errors import InvalidEmail, MerchantExists
from paycore.merchant import Merchant
from paycore.ports import Clock, IdGenerator, UnitOfWorkFactory

_EMAIL = re.compile(r"[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+")
MAX_EMAIL_LENGTH = 254


@dataclass(frozen=True, slots=True)
class NewMerchant:
    merchant: Merchant
    api_key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterMerchant:
    uow: UnitOfWorkFactory
    keys: ApiKeys
    clock: Clock
    ids: IdGenerator

    async def __call__(self, email: str) -> NewMerchant:
        email = email.strip()
        if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(email):
            raise InvalidEmail(email)
        api_key = self.keys.generate()
        merchant = Merchant(
            id=self.ids.new_id(),
            email=email,
            api_key_hash=self.keys.hash(api_key),
            created_at=self.clock.now(),
        )
        async with self.uow() as uow:
            if await uow.merchants.get_by_email(email) is not None:
                raise MerchantExists(email)
            await uow.merchants.add(merchant)
            await uow.commit()
        return NewMerchant(merchant, api_key)
