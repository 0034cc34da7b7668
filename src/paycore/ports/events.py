"""Where events are read. They are written by the payment repositories, with the change
they describe (see paycore.event_notes); deliveries are written by the webhook worker."""

from __future__ import annotations

from typing import Protocol

from paycore.event_listing import EventQuery
from paycore.events import Event, EventDelivery


class EventRepository(Protocol):
    async def get(self, merchant_id: str, event_id: str) -> Event | None:
        """The merchant's event, or None (unknown or malformed id, another merchant's)."""
        ...

    async def list_for_merchant(self, query: EventQuery) -> list[Event]:
        """At most `query.limit` of the merchant's events that `query.admits`, nearest to
        `query.start` first: newest first going OLDER, oldest first going NEWER.

        Ordered by (created_at, id), answered from an index on that order."""
        ...

    async def deliveries(self, event_id: str) -> list[EventDelivery]:
        """Where the event stands with each endpoint it was fanned out to, oldest first."""
        ...
