"""RetrieveEvent: one of the merchant's events with where its deliveries stand."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.errors import EventNotFound
from paycore.event_list_request import is_event_id
from paycore.events import Event, EventDelivery
from paycore.ports import UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class EventWithDeliveries:
    event: Event
    deliveries: tuple[EventDelivery, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class RetrieveEvent:
    uow: UnitOfWorkFactory

    async def __call__(self, merchant_id: str, event_id: str) -> EventWithDeliveries:
        # A malformed id is simply not found, exactly like another merchant's id.
        if not is_event_id(event_id):
            raise EventNotFound(event_id)
        async with self.uow() as uow:
            event = await uow.events.get(merchant_id, event_id)
            if event is None:
                raise EventNotFound(event_id)
            deliveries = await uow.events.deliveries(event_id)
        return EventWithDeliveries(event, tuple(deliveries))
