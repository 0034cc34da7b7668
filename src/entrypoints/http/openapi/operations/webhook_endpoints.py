"""POST, GET and DELETE /v1/webhook_endpoints."""

from __future__ import annotations

from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.examples import problem as problem_body
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    media,
    problem,
    problem_401,
    problem_500,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref
from entrypoints.http.openapi.schemas.webhooks import ENDPOINT_REQUEST

ENDPOINT = {
    "id": "we_0193a8f2c1d47e6a9b3f5c2d8e1a4b70",
    "url": "https://shop.example.com/paygate/webhooks",
    "events": ["payment.captured", "payment.refunded"],
    "description": "order fulfilment",
    "created_at": "2026-12-01T10:00:00.000Z",
}
_SECRET = "whsec_4q0mN3bVnJ5o0Yc8X2l1kz9Wq7rT6uHs3eGdPfA1iLw"  # noqa: S105 - an example
_INVALID = problem_body(
    "validation-error",
    "Invalid request",
    400,
    "url: must use http or https; events: unknown event types: payment.shipped",
    errors=[
        {"field": "url", "message": "must use http or https"},
        {"field": "events", "message": "unknown event types: payment.shipped"},
    ],
)
_PRIVATE = problem_body(
    "validation-error",
    "Invalid request",
    400,
    "url: 10.0.0.7 resolves to a private address (10.0.0.7)",
    errors=[{"field": "url", "message": "10.0.0.7 resolves to a private address (10.0.0.7)"}],
)
_NOT_FOUND = problem_body("not-found", "Not found", 404, "webhook endpoint not found")


def create_webhook_endpoint() -> Json:
    return {
        "security": BEARER,
        "requestBody": {
            "required": True,
            "content": media(
                ENDPOINT_REQUEST,
                {
                    "captures": example(
                        "Captures and refunds",
                        {k: ENDPOINT[k] for k in ("url", "events", "description")},
                    )
                },
            ),
        },
        "responses": {
            "201": response(
                "Registered: keep `secret`, it is never shown again",
                ref("CreatedWebhookEndpoint"),
                {"created": example("Registered", ENDPOINT | {"secret": _SECRET})},
            ),
            "400": problem(
                "A bad field (each named in `errors`): a URL that is not http(s), names no "
                "host or reaches a loopback, private, link-local, multicast or unspecified "
                "address; an unknown event type; a description too long.",
                {
                    "invalid": example("Bad fields", _INVALID),
                    "private": example("A private address", _PRIVATE),
                },
                schema="ValidationProblem",
            ),
            "401": problem_401(),
            "500": problem_500(),
        },
    }


def list_webhook_endpoints() -> Json:
    text = {"type": "string"}
    return {
        "security": BEARER,
        "parameters": {
            "limit": {"description": "1 to 100 endpoints (default 10)", "schema": text},
            "starting_after": {"description": "An endpoint id: the page after it", "schema": text},
        },
        "responses": {
            "200": response(
                "The endpoints, oldest first, without secrets",
                ref("WebhookEndpointList"),
                {"page": example("One endpoint", {"data": [ENDPOINT], "has_more": False})},
            ),
            "400": problem(
                "`limit` is not a whole number from 1 to 100",
                {
                    "limit": example(
                        "Bad limit",
                        problem_body(
                            "validation-error",
                            "Invalid request",
                            400,
                            "limit: must be between 1 and 100",
                            errors=[{"field": "limit", "message": "must be between 1 and 100"}],
                        ),
                    )
                },
                schema="ValidationProblem",
            ),
            "401": problem_401(),
            "500": problem_500(),
        },
    }


def delete_webhook_endpoint() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "endpoint_id": {
                "description": "The endpoint's id",
                "schema": {"type": "string", "examples": [ENDPOINT["id"]]},
            }
        },
        "responses": {
            "200": response(
                "Deleted: nothing more is sent to it",
                ref("DeletedWebhookEndpoint"),
                {"deleted": example("Deleted", {"id": ENDPOINT["id"], "deleted": True})},
            ),
            "401": problem_401(),
            "404": problem(
                "No such endpoint: unknown, already deleted, or another merchant's",
                {"not_found": example("Not found", _NOT_FOUND)},
            ),
            "500": problem_500(),
        },
    }
