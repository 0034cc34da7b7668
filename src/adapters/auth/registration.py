"""Registering a merchant: a fresh API key, shown once, kept only as its hash."""

from __future__ import annotations

import re
from dataclasses import dataclass

from adapters.auth.api_keys import hash_api_key, new_api_key
from adapters.auth.errors import InvalidEmail, MerchantExists
from paycore.merchant import Merchant
from paycore.ports import Clock, IdGenerator, UnitOfWorkFactory

_EMAIL = re.compile(r"[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+")
MAX_EMAIL_LENGTH = 254


@dataclass(frozen=True, slots=True)
class NewMerchant:
    merchant: Merchant
    api_key: str


class MerchantRegistry:
    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def register(self, email: str) -> NewMerchant:
        email = email.strip()
        if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(email):
            raise InvalidEmail(email)
        api_key = new_api_key()
        merchant = Merchant(
            id=self._ids.new_id(),
            email=email,
            api_key_hash=hash_api_key(api_key),
            created_at=self._clock.now(),
        )
        async with self._uow() as uow:
            if await uow.merchants.get_by_email(email) is not None:
                raise MerchantExists(email)
            await uow.merchants.add(merchant)
            await uow.commit()
        return NewMerchant(merchant, api_key)

    async def find(self, email: str) -> Merchant | None:
        async with self._uow() as uow:
            return await uow.merchants.get_by_email(email)
