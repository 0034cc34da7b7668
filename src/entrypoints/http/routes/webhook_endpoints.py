"""POST, GET and DELETE /v1/webhook_endpoints: where a merchant's events are sent."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import PathParameter, QueryParameter

from entrypoints.http.body import read_json_object
from entrypoints.http.responses import json_response
from entrypoints.http.routes.authenticated import AUTHENTICATED
from entrypoints.http.webhook_dto import (
    ENDPOINTS_PATH,
    CreatedWebhookEndpointOut,
    DeletedWebhookEndpointOut,
    WebhookEndpointListOut,
    created_endpoint_out,
    endpoint_out,
)
from paycore.errors import FieldError, ValidationFailed
from paycore.use_cases import DeleteWebhookEndpoint, ListWebhookEndpoints, RegisterWebhookEndpoint

_TAGS = ["Webhooks"]
Limit = Annotated[
    str | None, QueryParameter(required=False, description="1 to 100 endpoints (default 10)")
]
StartingAfter = Annotated[
    str | None, QueryParameter(required=False, description="An endpoint id: the page after it")
]
EndpointId = Annotated[str, PathParameter(description="The endpoint's id (`we_...`)")]


@post(
    ENDPOINTS_PATH,
    status_code=201,
    **AUTHENTICATED,
    operation_id="createWebhookEndpoint",
    tags=_TAGS,
    summary="Register a webhook endpoint",
    description='Events of the types listed (or `["*"]`: every type) are POSTed to the URL, '
    "signed with the `secret` this answer shows once and never again.",
)
async def create_webhook_endpoint(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    register_webhook_endpoint: NamedDependency[RegisterWebhookEndpoint],
) -> Response[CreatedWebhookEndpointOut]:
    created = await register_webhook_endpoint(merchant_id, await read_json_object(request))
    body = created_endpoint_out(created.endpoint, created.secret)
    return json_response(body, 201)


@get(
    ENDPOINTS_PATH,
    **AUTHENTICATED,
    operation_id="listWebhookEndpoints",
    tags=_TAGS,
    summary="List webhook endpoints",
    description="The merchant's endpoints not deleted, oldest first; never their secrets.",
)
async def list_webhook_endpoints(
    merchant_id: NamedDependency[str],
    list_webhook_endpoints: NamedDependency[ListWebhookEndpoints],
    limit: Limit = None,
    starting_after: StartingAfter = None,
) -> Response[WebhookEndpointListOut]:
    page = await list_webhook_endpoints(merchant_id, _limit(limit), starting_after)
    body = WebhookEndpointListOut([endpoint_out(e) for e in page.endpoints], page.has_more)
    return json_response(body, 200)


@delete(
    ENDPOINTS_PATH + "/{endpoint_id:str}",
    status_code=200,
    **AUTHENTICATED,
    operation_id="deleteWebhookEndpoint",
    tags=_TAGS,
    summary="Delete a webhook endpoint",
    description="Nothing more is sent to it; its deliveries still pending are given up.",
)
async def delete_webhook_endpoint(
    merchant_id: NamedDependency[str],
    delete_webhook_endpoint: NamedDependency[DeleteWebhookEndpoint],
    endpoint_id: EndpointId,
) -> Response[DeletedWebhookEndpointOut]:
    await delete_webhook_endpoint(merchant_id, endpoint_id)
    return json_response(DeletedWebhookEndpointOut(endpoint_id, deleted=True), 200)


def _limit(text: str | None) -> int:
    if text is None:
        return 10
    if not (text.isascii() and text.isdigit() and len(text) <= 3):
        raise ValidationFailed([FieldError("limit", "must be a whole number from 1 to 100")])
    return int(text)
