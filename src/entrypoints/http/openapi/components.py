"""The document's shared components: tags, response headers, security schemes, and the
X-Request-ID parameter every operation takes."""

from __future__ import annotations

from entrypoints.http.openapi.examples import AUTHORIZED_ID
from entrypoints.http.openapi.schemas.building import Json, anchored
from entrypoints.http.request_context import REQUEST_ID_PATTERN

TAGS = [
    {
        "name": "Authentication",
        "description": "Exchange a merchant's email and API key for tokens, and rotate them. "
        "Errors use the `{success: false, message}` envelope.",
    },
    {
        "name": "Payments",
        "description": "The payment resource. Errors are RFC 9457 problems "
        "(`application/problem+json`).",
    },
    {
        "name": "Events",
        "description": "What happened to your payments, recorded with each change: the "
        "bodies webhook deliveries carry. Errors are RFC 9457 problems.",
    },
    {
        "name": "Legacy",
        "description": "The original design's routes and `{success, data}` envelopes, kept for "
        "existing clients: amounts in major units (10.50). New integrations use Payments.",
    },
    {
        "name": "API keys",
        "description": "A merchant's secret keys: create, list (never the key itself), revoke.",
    },
    {
        "name": "Webhooks",
        "description": "Where your events are POSTed, signed (`Paygate-Signature`). Errors "
        "are RFC 9457 problems.",
    },
    {"name": "Operations", "description": "Liveness, readiness and Prometheus metrics."},
]


HEADERS: dict[str, Json] = {
    "X-Request-ID": {
        "description": "The request's id, on every response: the client's own X-Request-ID "
        "when it is 1-128 characters of `A-Z a-z 0-9 . _ : / + = -`, else a new one. "
        "Quote it when asking about a request; every log line of the request carries it.",
        "required": True,
        "schema": {"type": "string", "examples": ["4ab874ea54cf450fb3cadf646e25a106"]},
    },
    "Location": {
        "description": "The payment's URL, relative to the gateway",
        "required": True,
        "schema": {"type": "string", "examples": [f"/v1/payments/{AUTHORIZED_ID}"]},
    },
    "Idempotent-Replayed": {
        "description": "Sent (as `true`) when this is the stored answer to an earlier request "
        "with the same Idempotency-Key and body: the bank was not called again.",
        "schema": {"type": "string", "enum": ["true"]},
    },
    "Retry-After": {
        "description": "Whole seconds to wait before trying again: after a 429, until the "
        "rate limit lets a request through; otherwise, then with a new Idempotency-Key",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "examples": [5]},
    },
    "RateLimit-Limit": {
        "description": "The rate limit's count: requests per period (payments), or failed "
        "sign-ins per period (authentication)",
        "schema": {"type": "integer", "minimum": 1, "examples": [100]},
    },
    "RateLimit-Remaining": {
        "description": "What is left of the budget now",
        "schema": {"type": "integer", "minimum": 0, "examples": [99]},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the whole budget is available again",
        "schema": {"type": "integer", "minimum": 0, "examples": [1]},
    },
    "WWW-Authenticate": {
        "description": "Sent when a bearer token is missing or refused",
        "schema": {"type": "string", "enum": ['Bearer realm="paygate"']},
    },
}

SECURITY_SCHEMES: dict[str, Json] = {
    "BearerToken": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "`Authorization: Bearer <access token>`: the `data.token.access.token` "
        "of POST /v1/auth/generate_access_token. It lives 15 minutes; refresh it with "
        "POST /v1/auth/refresh.",
    },
    "LegacyBearerToken": {
        "type": "apiKey",
        "in": "header",
        "name": "Bearer-Token",
        "description": "The original design's header: `Bearer-Token: <access token>`, "
        "accepted the same way as `Authorization: Bearer`.",
    },
}

PARAMETERS: dict[str, Json] = {
    "X-Request-ID": {
        "name": "X-Request-ID",
        "in": "header",
        "required": False,
        "description": "Your own id for the request, echoed in the response and the logs",
        "schema": {"type": "string", "pattern": anchored(REQUEST_ID_PATTERN)},
    },
}
