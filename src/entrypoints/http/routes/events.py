"""The events API (API.md section 9): what happened to the merchant's payments."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.di import NamedDependency
from litestar.params import PathParameter

from entrypoints.http.event_presenter import (
    EVENTS_PATH,
    EventListOut,
    EventWithDeliveriesOut,
    event_page_out,
    event_with_deliveries_out,
)
from entrypoints.http.responses import json_response
from entrypoints.http.routes.authenticated import AUTHENTICATED
from entrypoints.http.routes.list_query import query_text, refuse_unknown_or_repeated
from paycore.event_list_request import EventListRequest
from paycore.use_cases import ListEvents, RetrieveEvent

_PARAMETERS = frozenset(EventListRequest.__dataclass_fields__)

Limit = query_text("1 to 100 events per page (default 10)")
StartingAfter = query_text("An event id: the page of events older than it")
EndingBefore = query_text("An event id: the page of events newer than it (still newest first)")
Type = query_text("Only events of this type, e.g. payment.captured")


@get(
    EVENTS_PATH,
    **AUTHENTICATED,
    operation_id="listEvents",
    tags=["Events"],
    summary="List events",
    description="What happened to the merchant's payments, newest first, a page at a time "
    "(keyset cursors `starting_after` / `ending_before`), optionally of one `type`.",
)
async def list_events(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    list_events: NamedDependency[ListEvents],
    limit: Limit = None,
    starting_after: StartingAfter = None,
    ending_before: EndingBefore = None,
    type: Type = None,  # the contract names it so
) -> Response[EventListOut]:
    refuse_unknown_or_repeated(request, _PARAMETERS)
    page = await list_events(
        merchant_id, EventListRequest(limit, starting_after, ending_before, type)
    )
    return json_response(event_page_out(page), 200)


@get(
    EVENTS_PATH + "/{event_id:str}",
    **AUTHENTICATED,
    operation_id="getEvent",
    tags=["Events"],
    summary="Retrieve an event",
    description="One event, with where its webhook deliveries stand.",
)
async def get_event(
    merchant_id: NamedDependency[str],
    retrieve_event: NamedDependency[RetrieveEvent],
    event_id: Annotated[str, PathParameter(description="The event's id (evt_...)")],
) -> Response[EventWithDeliveriesOut]:
    found = await retrieve_event(merchant_id, event_id)
    return json_response(event_with_deliveries_out(found), 200)
