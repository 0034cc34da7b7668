"""The in-memory payment repository: it stages writes that its unit of work checks and applies."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime

from adapters.event_codec import event_from, new_events
from adapters.memory.state import InMemoryState
from paycore.errors import StalePayment
from paycore.events import Event
from paycore.listing import Direction, PaymentQuery, Position
from paycore.payment import Payment, PaymentStatus


class InMemoryPaymentRepository:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store
        self.staged: dict[str, Payment] = {}
        # Of the staged payments, those saved over a stored version rather than added.
        self.saved: set[str] = set()
        # The events each staged payment records, as the SQL stores keep them.
        self.staged_events: dict[str, list[Event]] = {}

    async def add(self, payment: Payment) -> None:
        self._stage(payment, 0)

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        payment = self.staged.get(payment_id) or self._store.payments.get(payment_id)
        if payment is None or payment.merchant_id != merchant_id:
            return None
        return copy.deepcopy(payment)

    async def save(self, payment: Payment) -> None:
        self.saved.add(payment.id)
        self._stage(payment, payment.version - 1)

    def _stage(self, payment: Payment, stored_version: int) -> None:
        self.staged[payment.id] = copy.deepcopy(payment)
        rows = new_events(payment, stored_version)
        self.staged_events[payment.id] = [
            event_from(e.id, payment.merchant_id, e.type, e.created_at, e.snapshot) for e in rows
        ]

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        due = [
            copy.deepcopy(p)
            for p in self._store.payments.values()
            if p.status is PaymentStatus.PENDING
            and p.created_at < created_before
            and (p.next_settlement_at is None or p.next_settlement_at <= now)
        ]
        return sorted(due, key=lambda p: p.created_at)[:limit]

    async def with_pending_actions(self, updated_before: datetime, limit: int) -> list[Payment]:
        found = [
            p
            for p in self._store.payments.values()
            if any(a.is_pending for a in p.actions) and p.updated_at < updated_before
        ]
        return _oldest_first(found, lambda p: (p.updated_at, p.id), limit)

    async def authorized_before(self, created_before: datetime, limit: int) -> list[Payment]:
        found = [
            p
            for p in self._store.payments.values()
            if p.status is PaymentStatus.AUTHORIZED
            and p.created_at < created_before
            and p.captured_amount == 0
            and not any(a.is_pending for a in p.actions)
        ]
        return _oldest_first(found, lambda p: (p.created_at, p.id), limit)

    async def list_for_merchant(self, query: PaymentQuery) -> list[Payment]:
        # A full scan: fine for tests and experiments, which is all this adapter is for.
        visible = {**self._store.payments, **self.staged}.values()
        found = sorted(
            (p for p in visible if query.admits(p)),
            key=Position.of,
            reverse=query.direction is Direction.OLDER,
        )
        return [copy.deepcopy(p) for p in found[: query.limit]]

    def check(self) -> None:
        """Raise StalePayment unless every saved payment still follows what is stored."""
        for payment_id in self.saved:
            stored = self._store.payments.get(payment_id)
            if stored is None or stored.version != self.staged[payment_id].version - 1:
                raise StalePayment(payment_id)

    def apply(self) -> None:
        self._store.payments.update(self.staged)
        for events in self.staged_events.values():
            self._store.events.update((e.id, e) for e in events)

    def forget_staged(self) -> None:
        self.staged.clear()
        self.saved.clear()
        self.staged_events.clear()


def _oldest_first(
    payments: list[Payment], key: Callable[[Payment], tuple[datetime, str]], limit: int
) -> list[Payment]:
    return [copy.deepcopy(p) for p in sorted(payments, key=key)[:limit]]
