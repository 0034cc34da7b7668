"""schemathesis against the app's own OpenAPI document, in process: no 5xx, and every
response matches what the document promises (status codes, content types, schemas)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from adapters.memory import InMemoryBank, ManualClock
from entrypoints.runtime.container_use import resolve
from entrypoints.runtime.gateway_app import gateway_app
from tests.integration.http.conftest import MemoryDatabase, make_container

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def build_fuzzed_app() -> tuple[schemathesis.schemas.BaseSchema, str]:
    """The app on in-memory adapters, with one merchant and a valid access token."""
    container = make_container(MemoryDatabase(), InMemoryBank(), ManualClock(datetime.now(UTC)))

    async def log_in() -> str:
        register_merchant = await resolve(container.register_merchant)
        created = await register_merchant("fuzz@example.com")
        sign_in = await resolve(container.sign_in)
        return (await sign_in(created.merchant.email, created.api_key)).access.token

    token = asyncio.run(log_in())
    app = gateway_app(container, settle_in_background=False)
    return schemathesis.openapi.from_asgi("/schema/openapi.json", app), token


# schemathesis' lazy fixture loader does not work with pytest 9, so the schema is loaded
# when this module is collected; it is in-memory and quick.
schema, TOKEN = build_fuzzed_app()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_no_schema_violations(case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
