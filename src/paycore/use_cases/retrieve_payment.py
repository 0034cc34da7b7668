"""RetrievePayment: cache first, then the repository; always scoped to the merchant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from paycore.errors import PaymentNotFound
from paycore.payment import Payment
from paycore.ports import PaymentCache, UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class RetrievePayment:
    uow: UnitOfWorkFactory
    cache: PaymentCache

    async def __call__(self, merchant_id: str, payment_id: str) -> Payment:
        canonical_id = _canonical_uuid(payment_id)
        cached = await self.cache.get(merchant_id, canonical_id)
        if cached is not None:
            return cached
        async with self.uow() as uow:
            payment = await uow.payments.get(merchant_id, canonical_id)
        if payment is None:
            raise PaymentNotFound(payment_id)
        await self.cache.put(payment)
        return payment


def _canonical_uuid(payment_id: str) -> str:
    """A malformed id is simply not found, exactly like another merchant's id."""
    try:
        return str(uuid.UUID(payment_id))
    except ValueError:
        raise PaymentNotFound(payment_id) from None
