"""The webhook endpoint bodies, and the event every delivery carries."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, anchored, obj, ref, string
from paycore.events import ALL_EVENTS, EventType
from paycore.webhooks.endpoints import MAX_DESCRIPTION_LENGTH, MAX_URL_LENGTH

ENDPOINT_ID = string("The endpoint's id", pattern=anchored("we_[0-9a-f]{32}"))
EVENT_TYPES = {
    "type": "array",
    "minItems": 1,
    "items": {"type": "string", "enum": [*EventType, ALL_EVENTS]},
    "description": 'The event types sent to it, or `["*"]` for every type',
}
_ENDPOINT = {
    "id": ENDPOINT_ID,
    "url": string("Where events are POSTed (http or https)", format="uri"),
    "events": EVENT_TYPES,
    "description": {"type": ["string", "null"], "description": "Your note"},
    "created_at": {"type": "string", "format": "date-time", "description": "UTC"},
}

ENDPOINT_REQUEST: Json = {
    "type": "object",
    "required": ["url", "events"],
    "properties": {
        "url": string(
            "An http(s) URL whose host is, and resolves to, public addresses only",
            maxLength=MAX_URL_LENGTH,
            examples=["https://shop.example.com/paygate/webhooks"],
        ),
        "events": EVENT_TYPES,
        "description": string("Your note", maxLength=MAX_DESCRIPTION_LENGTH),
    },
}
WEBHOOK_SCHEMAS: dict[str, Json] = {
    "WebhookEndpoint": obj("A webhook endpoint (never its secret)", _ENDPOINT),
    "CreatedWebhookEndpoint": obj(
        "The endpoint just registered, with its signing secret: shown only in this answer",
        _ENDPOINT
        | {"secret": string("Signs every delivery (`Paygate-Signature`)", pattern="^whsec_")},
    ),
    "WebhookEndpointList": obj(
        "A page of webhook endpoints, oldest first",
        {
            "data": {"type": "array", "items": ref("WebhookEndpoint")},
            "has_more": {"type": "boolean", "description": "Whether a next page exists"},
        },
    ),
    "DeletedWebhookEndpoint": obj(
        "The endpoint is deleted",
        {"id": ENDPOINT_ID, "deleted": {"type": "boolean", "const": True}},
    ),
}
