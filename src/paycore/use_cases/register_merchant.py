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


class RegisterMerchant:
    def __init__(
        self, *, uow: UnitOfWorkFactory, keys: ApiKeys, clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow = uow
        self._keys = keys
        self._clock = clock
        self._ids = ids

    async def __call__(self, email: str) -> NewMerchant:
        email = email.strip()
        if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(email):
            raise InvalidEmail(email)
        api_key = self._keys.generate()
        merchant = Merchant(
            id=self._ids.new_id(),
            email=email,
            api_key_hash=self._keys.hash(api_key),
            created_at=self._clock.now(),
        )
        async with self._uow() as uow:
            if await uow.merchants.get_by_email(email) is not None:
                raise MerchantExists(email)
            await uow.merchants.add(merchant)
            await uow.commit()
        return NewMerchant(merchant, api_key)
