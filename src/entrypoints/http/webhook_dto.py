"""Webhook endpoints on the wire (API.md section 9). The secret appears only in the answer
to the registration."""

from __future__ import annotations

import msgspec

from entrypoints.http.presenters import timestamp
from paycore.webhooks import WebhookEndpoint

ENDPOINTS_PATH = "/v1/webhook_endpoints"


class WebhookEndpointOut(msgspec.Struct, frozen=True):
    id: str
    url: str
    events: list[str]
    description: str | None
    created_at: str


class CreatedWebhookEndpointOut(WebhookEndpointOut, frozen=True):
    secret: str


class WebhookEndpointListOut(msgspec.Struct, frozen=True):
    data: list[WebhookEndpointOut]
    has_more: bool


class DeletedWebhookEndpointOut(msgspec.Struct, frozen=True):
    id: str
    deleted: bool


def endpoint_out(endpoint: WebhookEndpoint) -> WebhookEndpointOut:
    e = endpoint
    return WebhookEndpointOut(e.id, e.url, list(e.events), e.description, timestamp(e.created_at))


def created_endpoint_out(endpoint: WebhookEndpoint, secret: str) -> CreatedWebhookEndpointOut:
    fields = msgspec.structs.astuple(endpoint_out(endpoint))
    return CreatedWebhookEndpointOut(*fields, secret=secret)
