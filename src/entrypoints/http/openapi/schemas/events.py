"""The event resource's schemas: an event, its deliveries, a page of events."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, obj, ref, string
from paycore.event_list_request import EVENT_ID
from paycore.events import DeliveryStatus, EventType
from paycore.listing import MAX_LIMIT

EVENT_TYPES = [t.value for t in EventType]
_TIMESTAMP = {"type": "string", "format": "date-time", "examples": ["2026-12-01T22:18:36.311Z"]}
_NULLABLE_TIMESTAMP = _TIMESTAMP | {"type": ["string", "null"]}
_EVENT: Json = {
    "id": string("The event's id", pattern=f"^{EVENT_ID.pattern}$"),
    "type": ref("EventType"),
    "created_at": _TIMESTAMP | {"description": "When the change happened (UTC)"},
    "data": obj(
        "What the event is about",
        {"payment": ref("Payment") | {"description": "The payment right after the change"}},
    ),
}

EVENT_SCHEMAS: dict[str, Json] = {
    "EventType": {
        "type": "string",
        "enum": EVENT_TYPES,
        "description": "- `payment.authorized`, `payment.declined`, `payment.failed`: a payment "
        "left `Pending` (at once, or later when it settled in the background).\n"
        "- `payment.captured` (a partial capture too), `payment.voided`, `payment.refunded`: "
        "an action succeeded.\n"
        "- `payment.expired`: an authorization lapsed uncaptured.\n"
        "- `action.failed`: a capture, void or refund failed; the payment is unchanged.",
    },
    "Event": obj(
        "Something that happened to one of your payments, recorded with the change itself. "
        "A webhook delivery's body is exactly this object.",
        _EVENT,
    ),
    "EventDelivery": obj(
        "Where the event stands with one of your webhook endpoints",
        {
            "endpoint_id": string("The endpoint's id", examples=["we_" + "0" * 32]),
            "attempts": {"type": "integer", "minimum": 0},
            "status": {"type": "string", "enum": [s.value for s in DeliveryStatus]},
            "last_response_status": {
                "type": ["integer", "null"],
                "description": "The HTTP status of the last attempt's answer, if any",
            },
            "next_attempt_at": _NULLABLE_TIMESTAMP | {"description": "Set while pending"},
            "delivered_at": _NULLABLE_TIMESTAMP | {"description": "Set once delivered"},
        },
    ),
    "EventWithDeliveries": obj(
        "An event and its webhook deliveries",
        _EVENT
        | {
            "deliveries": {
                "type": "array",
                "items": ref("EventDelivery"),
                "description": "One per endpoint the event was sent to, oldest first",
            }
        },
    ),
    "EventList": obj(
        "A page of the merchant's events, newest first",
        {
            "data": {"type": "array", "items": ref("Event"), "maxItems": MAX_LIMIT},
            "has_more": {
                "type": "boolean",
                "description": "More events lie in the direction of travel: pass the last "
                "id as `starting_after` (or the first as `ending_before`) for the next page",
            },
        },
    ),
}
