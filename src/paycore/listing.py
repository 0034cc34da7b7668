"""Listing a merchant's payments: the query a repository answers and the page it makes.

Payments are listed newest first, ordered by (created_at, id) so that two payments made
in the same microsecond still have a fixed order. A page is found from a position in
that order (keyset pagination), never by counting rows to skip: its cost stays flat
however deep the list, and payments created while a client pages through land before
the position, so no page repeats or skips one that existed when paging began.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from paycore.payment import Payment, PaymentStatus

DEFAULT_LIMIT = 10
MAX_LIMIT = 100


class Listed(Protocol):
    """What a list orders by: a payment, an event."""

    @property
    def created_at(self) -> datetime: ...
    @property
    def id(self) -> str: ...


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """An item's place in its list; a larger position is newer."""

    created_at: datetime
    id: str

    @classmethod
    def of(cls, item: Listed) -> Position:
        return cls(item.created_at, item.id)


class Direction(StrEnum):
    OLDER = "older"  # from the position towards the oldest: newest first
    NEWER = "newer"  # from the position towards the newest: oldest first


@dataclass(frozen=True, slots=True)
class PaymentFilters:
    status: PaymentStatus | None = None
    reference: str | None = None
    created_gte: datetime | None = None  # inclusive
    created_lt: datetime | None = None  # exclusive

    def matches(self, payment: Payment) -> bool:
        return (
            (self.status is None or payment.status is self.status)
            and (self.reference is None or payment.reference == self.reference)
            and (self.created_gte is None or payment.created_at >= self.created_gte)
            and (self.created_lt is None or payment.created_at < self.created_lt)
        )


@dataclass(frozen=True, slots=True)
class PaymentQuery:
    """What `PaymentRepository.list_for_merchant` answers: at most `limit` of the merchant's
    payments matching `filters`, strictly beyond `start` in `direction` (from the newest,
    or the oldest, end when `start` is None), in the order of travel."""

    merchant_id: str
    limit: int
    filters: PaymentFilters = PaymentFilters()
    start: Position | None = None
    direction: Direction = Direction.OLDER

    def admits(self, payment: Payment) -> bool:
        """The query's predicate, for adapters that filter in Python."""
        if payment.merchant_id != self.merchant_id or not self.filters.matches(payment):
            return False
        return beyond(payment, self.start, self.direction)


def beyond(item: Listed, start: Position | None, direction: Direction) -> bool:
    """Whether `item` lies strictly past `start` going `direction` (None: everything does)."""
    if start is None:
        return True
    position = Position.of(item)
    return position < start if direction is Direction.OLDER else position > start


@dataclass(frozen=True, slots=True)
class PaymentPage:
    """One page, newest first; `has_more`: more payments lie further in the direction of
    travel (older after `starting_after`, newer before `ending_before`), as Stripe says."""

    payments: tuple[Payment, ...]
    has_more: bool
