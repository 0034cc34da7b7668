"""The component schemas of the OpenAPI document: one per body the gateway sends, written as
the JSON Schema (2020-12, as OpenAPI 3.1 uses) a client can validate a response with.

Every response schema forbids properties it does not list: a test checks each response the
test suite receives against them, so a field added to a body must be documented here.
"""

from __future__ import annotations

from entrypoints.http.openapi.schemas.api_keys import API_KEY_SCHEMAS
from entrypoints.http.openapi.schemas.building import Json
from entrypoints.http.openapi.schemas.envelopes import ENVELOPE_SCHEMAS
from entrypoints.http.openapi.schemas.events import EVENT_SCHEMAS
from entrypoints.http.openapi.schemas.payments import PAYMENT_SCHEMAS
from entrypoints.http.openapi.schemas.problems import PROBLEM_SCHEMAS
from entrypoints.http.openapi.schemas.webhooks import WEBHOOK_SCHEMAS

SCHEMAS: dict[str, Json] = (
    PAYMENT_SCHEMAS
    | EVENT_SCHEMAS
    | PROBLEM_SCHEMAS
    | ENVELOPE_SCHEMAS
    | API_KEY_SCHEMAS
    | WEBHOOK_SCHEMAS
)
