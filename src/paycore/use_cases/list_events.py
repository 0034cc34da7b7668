"""ListEvents: one page of a merchant's events, newest first, found by keyset."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from paycore.event_list_request import (
    NOT_AN_EVENT_CURSOR,
    EventListRequest,
    validate_event_list_request,
)
from paycore.event_listing import EventPage, EventQuery
from paycore.events import Event
from paycore.listing import Direction, Position
from paycore.paging import turn_page
from paycore.ports import UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class ListEvents:
    """Section 8 paging (see paycore.paging) plus `type`. A cursor must be one of the
    merchant's own events, of the asked type or not."""

    uow: UnitOfWorkFactory

    async def __call__(self, merchant_id: str, request: EventListRequest) -> EventPage:
        valid = validate_event_list_request(request)
        async with self.uow() as uow:

            async def fetch(start: Position | None, direction: Direction, n: int) -> list[Event]:
                query = EventQuery(merchant_id, n, valid.type, start, direction)
                return await uow.events.list_for_merchant(query)

            find = partial(uow.events.get, merchant_id)
            events, has_more = await turn_page(valid.paging, find, fetch, NOT_AN_EVENT_CURSOR)
        return EventPage(events, has_more)
