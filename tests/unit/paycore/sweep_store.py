"""The two sweep queries over the in-memory store, as the storage contract defines them,
and units of work that use them (optionally looser than agreed, or losing races)."""

from __future__ import annotations

import copy
from datetime import datetime

from adapters.memory import InMemoryStore, InMemoryUnitOfWork
from adapters.memory.payments import InMemoryPaymentRepository
from paycore.errors import StalePayment
from paycore.payment import Payment, PaymentStatus


class SweepQueries(InMemoryPaymentRepository):
    def __init__(self, store: InMemoryStore, *, loose: bool) -> None:
        super().__init__(store)
        self._all = store.payments
        self._loose = loose

    async def with_pending_actions(self, updated_before: datetime, limit: int) -> list[Payment]:
        due = [
            p
            for p in self._all.values()
            if any(a.is_pending and a.updated_at < updated_before for a in p.actions)
        ]
        return self._oldest(due, limit)

    async def authorized_before(self, created_before: datetime, limit: int) -> list[Payment]:
        due = [
            p
            for p in self._all.values()
            if p.created_at < created_before
            and (self._loose or p.status is PaymentStatus.AUTHORIZED)
            and (self._loose or not any(a.is_pending for a in p.actions))
        ]
        return self._oldest(due, limit)

    @staticmethod
    def _oldest(payments: list[Payment], limit: int) -> list[Payment]:
        return [copy.deepcopy(p) for p in sorted(payments, key=lambda p: p.created_at)[:limit]]


class SweepUnits:
    """`loose`: the expiry query also returns what it must not (a store's bug or a race);
    `stale`: every commit loses to another writer."""

    def __init__(self, store: InMemoryStore, *, loose: bool = False, stale: bool = False) -> None:
        self._store = store
        self._loose = loose
        self._stale = stale

    def __call__(self) -> InMemoryUnitOfWork:
        stale = self._stale

        class Unit(InMemoryUnitOfWork):
            async def commit(self) -> None:
                if stale:
                    raise StalePayment("someone else's write")
                await super().commit()

        unit = Unit(self._store)
        unit.payments = SweepQueries(self._store, loose=self._loose)
        return unit
