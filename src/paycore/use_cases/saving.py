"""How the sweeps save what they changed: each payment in its own unit of work, so one
lost race costs only that payment, and the cached copy refreshed once it is durable."""

from __future__ import annotations

from paycore.errors import StalePayment
from paycore.payment import Payment
from paycore.ports import PaymentCache, UnitOfWorkFactory


async def save_unless_stale(uow: UnitOfWorkFactory, cache: PaymentCache, payment: Payment) -> bool:
    """Save `payment` over the version it was read at; False (nothing saved, the cache
    untouched) when another writer, a request or another process, got there first."""
    try:
        async with uow() as unit:
            await unit.payments.save(payment)
            await unit.commit()
    except StalePayment:
        return False
    await cache.put(payment)
    return True
