"""GET /v1/events and GET /v1/events/{event_id}."""

from __future__ import annotations

from entrypoints.http.openapi import event_examples as ev
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.payment_reads import list_parameter
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    problem,
    problem_401,
    problem_500,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref
from entrypoints.http.openapi.schemas.events import EVENT_TYPES


def list_events() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "limit": list_parameter("1 to 100 events per page (default 10)", examples=["10"]),
            "starting_after": list_parameter(
                "An event id (the last of a page): the page of events older than it",
                examples=[ev.AUTHORIZED_EVENT_ID],
            ),
            "ending_before": list_parameter(
                "An event id (the first of a page): the page just newer than it, still "
                "newest first. Not together with starting_after.",
                examples=[ev.CAPTURED_EVENT_ID],
            ),
            "type": list_parameter("Only events of this type", enum=EVENT_TYPES),
        },
        "responses": {
            "200": response(
                "A page of events, newest first (`Cache-Control: no-store`)",
                ref("EventList"),
                {
                    "page": example("A page with more after it", ev.EVENT_PAGE),
                    "last_page": example("The last page", ev.LAST_EVENT_PAGE),
                },
            ),
            "400": problem(
                "A bad parameter (each named in `errors`): limit outside 1-100, an unknown "
                "type, both cursors, an unknown or repeated parameter, or a cursor that is "
                "not one of your events.",
                {"validation": example("An unknown type", ev.EVENT_LIST_PROBLEM)},
                schema="ValidationProblem",
            ),
            "401": problem_401(),
            "500": problem_500(),
        },
    }


def get_event() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "event_id": {
                "description": "The event's id, as listed by GET /v1/events",
                "schema": {"type": "string", "examples": [ev.CAPTURED_EVENT_ID]},
            }
        },
        "responses": {
            "200": response(
                "The event and where its webhook deliveries stand (`Cache-Control: no-store`)",
                ref("EventWithDeliveries"),
                {
                    "captured": example(
                        "A capture, delivered to one endpoint of two", ev.CAPTURED_WITH_DELIVERIES
                    )
                },
            ),
            "401": problem_401(),
            "404": problem(
                "No such event: the id is unknown, malformed, or another merchant's "
                "(the same answer in every case).",
                {"not_found": example("Not found", ev.EVENT_NOT_FOUND_PROBLEM)},
            ),
            "500": problem_500(),
        },
    }
