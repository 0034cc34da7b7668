"""Every route of the OpenAPI document, fed raw bytes by hypothesis: JSON documents whose
values are mutated the way an attacker would (numbers no decimal can hold, 5,000-digit
integers, deep nesting, NUL characters, broken UTF-8, truncation), random path parameters
and query strings. Whatever arrives, the answer is never a 5xx."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar.testing import TestClient

from adapters.memory import InMemoryBank, ManualClock
from entrypoints.runtime.container import Container
from entrypoints.runtime.container_use import resolve
from entrypoints.runtime.gateway_app import gateway_app
from tests.integration.http.conftest import MemoryDatabase, make_container, payment_body

HOSTILE_NUMBERS = [
    b"1E+100000000000000000000", b"1e-1000000000000000000000", b"0E1000000000000000000",
    b"1" * 5001, b"-0", b"1e400", b"NaN", b"Infinity", b"-1", b"0.000000000000000000001",
    b"18446744073709551616", b"-9223372036854775809", b"1.5", b"1e2",
]  # fmt: skip
HOSTILE_STRINGS = ["\u0000", "a\u0000b", "\ud800", "4242424242424242", "", " " * 300, "é" * 101]

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=30), st.sampled_from(HOSTILE_STRINGS)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = sorted({*payment_body(), "exp_month", "exp_year", "email", "api_key", "token", "Email"})


@st.composite
def hostile_bodies(draw: st.DrawFn) -> bytes:
    """A JSON object of known and unknown fields, then one raw mutation of its text."""
    base: dict[str, Any] = draw(st.sampled_from([payment_body(), {}]))
    fields = draw(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5))
    text = json.dumps(base | fields).encode()
    mutation = draw(st.integers(0, 6))
    name = draw(st.sampled_from(FIELDS)).encode()
    if mutation == 0:
        return text
    if mutation == 1:  # a field holds a number no encoder would write
        number = draw(st.sampled_from(HOSTILE_NUMBERS))
        return b'{"' + name + b'": ' + number + b", " + text[1:]
    if mutation == 2:  # deep nesting, in a field or as the whole body
        depth = draw(st.integers(30, 3000))
        return b'{"' + name + b'": ' + b"[" * depth + b"]" * depth + b"}"
    if mutation == 3:  # truncated anywhere
        return text[: draw(st.integers(0, max(len(text) - 1, 0)))]
    if mutation == 4:  # invalid UTF-8 inside a string
        return text.replace(b'"', b'"\xff\xfe', 1)
    if mutation == 5:  # arbitrary bytes
        return draw(st.binary(max_size=200))
    return json.dumps(draw(json_values)).encode()  # any JSON value, object or not


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[tuple[TestClient[Any], list[tuple[str, str]], str]]:
    container = make_container(MemoryDatabase(), InMemoryBank(), ManualClock(datetime.now(UTC)))
    created = asyncio.run(_register(container))
    app = gateway_app(container, settle_in_background=False)
    with TestClient(app) as client:
        login = client.post("/v1/auth/generate_access_token", json=created)
        token = login.json()["data"]["token"]["access"]["token"]
        document = client.get("/schema/openapi.json").json()
        routes = [
            (method.upper(), path)
            for path, operations in document["paths"].items()
            for method in operations
            if method in ("get", "post", "put", "patch", "delete")
        ]
        yield client, routes, token


async def _register(container: Container) -> dict[str, str]:
    register_merchant = await resolve(container.register_merchant)
    created = await register_merchant("raw-fuzz@example.com")
    return {"email": created.merchant.email, "api_key": created.api_key}


def test_the_fuzzed_routes_are_the_documented_ones(fuzzed: Any) -> None:
    _, routes, _ = fuzzed
    assert ("POST", "/v1/payments") in routes and ("GET", "/v1/payments/{payment_id}") in routes
    assert len(routes) >= 8


@given(data=st.data())
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_gets_a_server_error(fuzzed: Any, data: st.DataObject) -> None:
    client, routes, token = fuzzed
    method, path = data.draw(st.sampled_from(routes))
    segment = data.draw(st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s))
    url = path.replace("{payment_id}", quote(segment, safe=""))  # %00, %FF... included
    headers = {"Content-Type": "application/json"}
    if data.draw(st.booleans()):
        headers["Authorization"] = f"Bearer {token}"
    if data.draw(st.booleans()):
        headers["Idempotency-Key"] = data.draw(
            st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=300)
        )
    params = data.draw(st.dictionaries(st.sampled_from(["payment_id", "x"]), st.text(max_size=40)))
    body = data.draw(hostile_bodies()) if method == "POST" else None

    response = client.request(method, url, content=body, headers=headers, params=params)

    assert response.status_code < 500, (method, url, body, response.text)
