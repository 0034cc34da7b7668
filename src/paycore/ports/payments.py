"""Where payments are kept: the repository of record and a best-effort cache."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from paycore.listing import PaymentQuery
from paycore.payment import Payment


class PaymentRepository(Protocol):
    async def add(self, payment: Payment) -> None:
        """Stage a new payment."""
        ...

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        """The merchant's payment, or None (unknown id or another merchant's)."""
        ...

    async def save(self, payment: Payment) -> None:
        """Stage a payment changed once since read: the stored row must be at version - 1.

        Checked at commit: the unit's `commit` raises StalePayment, and nothing of the
        unit lands, when another writer got there first.
        """
        ...

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        """Pending payments created before a time whose next settlement attempt is due."""
        ...

    async def with_pending_actions(self, updated_before: datetime, limit: int) -> list[Payment]:
        """Payments holding a Pending action last updated before `updated_before`, oldest first.

        Answered from an index, never by scanning the payments."""
        ...

    async def authorized_before(self, created_before: datetime, limit: int) -> list[Payment]:
        """Authorized payments (nothing captured, no Pending action) created before a time,
        oldest first.

        Answered from an index, never by scanning the payments."""
        ...

    async def list_for_merchant(self, query: PaymentQuery) -> list[Payment]:
        """At most `query.limit` of the merchant's payments that `query.admits`, nearest
        to `query.start` first: newest first going OLDER, oldest first going NEWER.

        Ordered by (created_at, id); a store answers from an index on that order, never
        by skipping rows, so the cost of a page does not grow with its depth."""
        ...


class PaymentCache(Protocol):
    """A best-effort cache: adapters swallow and log their own outages, never raise."""

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        """The cached payment, or None on a miss."""
        ...

    async def put(self, payment: Payment) -> None:
        """Store or overwrite the payment's cached copy."""
        ...
