"""Listing a merchant's events: the query an EventRepository answers and the page it makes.

The same keyset paging as payments (paycore.listing, paycore.paging), by (created_at, id)
where created_at is when the change happened; `type` narrows the list to one event type.
"""

from __future__ import annotations

from dataclasses import dataclass

from paycore.events import Event, EventType
from paycore.listing import Direction, Position, beyond


@dataclass(frozen=True, slots=True)
class EventQuery:
    """At most `limit` of the merchant's events of `type` (None: of every type), strictly
    beyond `start` in `direction` (from the newest, or the oldest, end when `start` is
    None), in the order of travel."""

    merchant_id: str
    limit: int
    type: EventType | None = None
    start: Position | None = None
    direction: Direction = Direction.OLDER

    def admits(self, event: Event) -> bool:
        """The query's predicate, for adapters that filter in Python."""
        return (
            event.merchant_id == self.merchant_id
            and (self.type is None or event.type is self.type)
            and beyond(event, self.start, self.direction)
        )


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page, newest first; `has_more` as for payments (paycore.listing.PaymentPage)."""

    events: tuple[Event, ...]
    has_more: bool
