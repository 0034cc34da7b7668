"""The OpenAPI document is valid, its examples are real and valid, it says what the code
sends (enums, headers, one schema per body), and every documented route and status is
answered exactly as documented (each response checked against its schema)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from openapi_spec_validator import validate

from adapters.memory import InMemoryBank
from paycore.bank import Unavailable, Unknown
from paycore.card import detect_brand
from paycore.payment import FailureReason, PaymentStatus
from tests.integration.http.action_exercise import exercise_actions
from tests.integration.http.conftest import VISA_EVEN, MemoryDatabase, legacy_body, payment_body
from tests.integration.http.contract import (
    Answer,
    operation_for,
    schema_errors,
    served_document,
    violations,
)
from tests.integration.http.keys_exercise import exercise_api_keys, exercise_rate_limits
from tests.integration.http.test_payments import SlowBank
from tests.integration.http.webhook_exercise import exercise_webhooks

ROOT = Path(__file__).resolve().parents[3]
TEST_CARDS = (ROOT / "src" / "banksim" / "TEST_CARDS.md").read_text()
UNDOCUMENTED_ON_PURPOSE = {"500"}  # an unexpected error; nothing here can make one happen


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return served_document()


def operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        operation["operationId"]: operation
        for item in document["paths"].values()
        for operation in item.values()
    }


def examples_with_schemas(node: Any, where: str = "#") -> list[tuple[str, Any, dict[str, Any]]]:
    """(where, example, schema) for every example: in schemas, media types, parameters."""
    found: list[tuple[str, Any, dict[str, Any]]] = []
    if isinstance(node, dict):
        listed = node.get("examples")
        if isinstance(listed, list) and "schema" not in node:
            found += [(where, value, node) for value in listed]
        if isinstance(listed, dict) and "schema" in node:
            found += [(f"{where}/{k}", e["value"], node["schema"]) for k, e in listed.items()]
        for key, value in node.items():
            found += examples_with_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += examples_with_schemas(value, f"{where}/{index}")
    return found


def test_the_document_is_valid_openapi(document) -> None:
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_example_validates_against_its_schema(document) -> None:
    examples = examples_with_schemas(document)
    assert len(examples) > 60
    failures = [
        f"{where}: {error}"
        for where, value, schema in examples
        for error in schema_errors(schema, value, document)
    ]
    assert not failures, "\n".join(failures)


def test_request_examples_use_the_simulators_test_cards(document) -> None:
    numbers = {
        value["card_number"].replace(" ", "")
        for _where, value, _schema in examples_with_schemas(document)
        if isinstance(value, dict) and "card_number" in value
    }
    assert len(numbers) >= 4
    for number in numbers:
        assert f"`{number}`" in TEST_CARDS, number
    resources = [
        value
        for _where, value, _schema in examples_with_schemas(document)
        if isinstance(value, dict) and "masked_number" in value.get("card", {})
    ]
    assert {payment["status"] for payment in resources} == {s.value for s in PaymentStatus}


def test_no_example_is_a_placeholder(document) -> None:
    """The document once carried generated examples ("DwEkQQHiBrmXZcSFtoJx", status 2562)."""
    for where, value, _schema in examples_with_schemas(document):
        for text in re.findall(r"'([^']*)'", repr(value)):
            # A status name such as PartiallyRefunded is long and real.
            real = text in {s.value for s in PaymentStatus}
            assert real or not re.fullmatch(r"[A-Za-z]{16,}", text), (where, text)
        if isinstance(value, dict) and "status" in value and isinstance(value["status"], int):
            assert 100 <= value["status"] <= 599, where


def test_enums_are_the_codes(document) -> None:
    schemas = document["components"]["schemas"]
    assert set(schemas["PaymentStatus"]["enum"]) == {s.value for s in PaymentStatus}
    brands = set(schemas["Card"]["properties"]["brand"]["enum"])
    for number in re.findall(r"\| `(\d{14,19})`", TEST_CARDS):
        assert detect_brand(number) in brands
    problem_types = {
        value
        for schema in schemas.values()
        # A problem has a detail; an action's `type` is another enum (capture, void, refund).
        if "detail" in schema.get("properties", {})
        for value in schema["properties"].get("type", {}).get("enum", [])
    }
    assert all(value.startswith("urn:paygate:problem:") for value in problem_types)
    assert len(problem_types) == 16


def test_every_operation_is_tagged_described_and_secured_as_it_is(document) -> None:
    tags = {tag["name"] for tag in document["tags"]}
    assert tags == {
        "Authentication",
        "Payments",
        "Events",
        "Legacy",
        "API keys",
        "Webhooks",
        "Operations",
    }
    for name, operation in operations(document).items():
        assert len(operation["tags"]) == 1 and operation["tags"][0] in tags, name
        assert operation["summary"], name
        for status, response in operation["responses"].items():
            assert "X-Request-ID" in response["headers"], (name, status)
            for media in response.get("content", {}).values():
                assert media.get("examples"), (name, status)
        authenticated = operation["tags"][0] in {
            "Payments",
            "Events",
            "Legacy",
            "API keys",
            "Webhooks",
        }
        assert bool(operation["security"]) == authenticated, name
    schemes = document["components"]["securitySchemes"]
    assert schemes["BearerToken"]["scheme"] == "bearer"
    assert schemes["LegacyBearerToken"] == schemes["LegacyBearerToken"] | {
        "type": "apiKey",
        "in": "header",
        "name": "Bearer-Token",
    }


def test_idempotency_key_is_bounded_and_every_component_is_used(document) -> None:
    create = document["paths"]["/v1/payments"]["post"]
    key = next(p for p in create["parameters"] if p.get("name") == "Idempotency-Key")
    assert key["schema"]["minLength"] == 1 and key["schema"]["maxLength"] == 255
    text = repr({k: v for k, v in document.items() if k != "components"}) + repr(
        document["components"]["schemas"]
    )
    for kind in ("schemas", "headers", "parameters"):
        for name in document["components"][kind]:
            assert f"#/components/{kind}/{name}'" in text, (kind, name)


LISTS = {"listPayments", "listEvents", "listWebhookEndpoints"}


def test_get_routes_advertise_no_400(document) -> None:
    # The lists are the GETs with parameters to refuse; the others never send a 400.
    for path, item in document["paths"].items():
        if "get" in item and item["get"]["operationId"] not in LISTS:
            assert "400" not in item["get"]["responses"], path
    assert "400" in document["paths"]["/v1/payments"]["get"]["responses"]


class Recorder:
    def __init__(self) -> None:
        self.answers: list[Answer] = []

    def attach(self, client: httpx.AsyncClient) -> None:
        async def record(response: httpx.Response) -> None:
            await response.aread()
            headers = {k.lower(): v for k, v in response.headers.items()}
            request = response.request
            status = response.status_code
            self.answers.append(
                Answer(request.method, request.url.path, status, headers, response.content)
            )

        client.event_hooks["response"].append(record)


async def test_every_documented_route_and_status_answers_as_documented(
    client, app, auth, tokens, merchant, bank: InMemoryBank, container, database: MemoryDatabase
) -> None:
    recorder = Recorder()
    recorder.attach(client)
    # The refresh-token reuse in there revokes the fixture's login: go on with a later one.
    auth = await _exercise(client, auth, tokens, merchant, bank, database)
    await _exercise_in_flight(app, auth, container, bank, recorder)
    await exercise_api_keys(client, auth)
    login = {"email": merchant.merchant.email, "api_key": merchant.api_key}
    await exercise_rate_limits(client, container, auth, login)

    document = served_document()
    problems = [p for answer in recorder.answers for p in violations(answer, document)]
    assert not problems, "\n".join(problems)
    seen = set()
    for answer in recorder.answers:
        operation = operation_for(document, answer.method, answer.path)
        if operation is not None:
            seen.add((operation["operationId"], str(answer.status)))
    documented = {
        (name, status)
        for name, operation in operations(document).items()
        for status in operation["responses"]
        if status not in UNDOCUMENTED_ON_PURPOSE
    }
    assert documented - seen == set()
    replays = [a for a in recorder.answers if "idempotent-replayed" in a.headers]
    assert {a.path for a in replays} == {"/v1/payments", "/v1/process-payment"}


LEGACY = legacy_body()
TOO_LARGE = b'{"a": "' + b"x" * 70_000 + b'"}'


async def _exercise(client, auth, tokens, merchant, bank, database) -> dict[str, str]:
    login = {"email": merchant.merchant.email, "api_key": merchant.api_key}
    await client.post("/v1/auth/generate_access_token", json=login)
    await client.post("/v1/auth/generate_access_token", json={"email": "x"})
    await client.post("/v1/auth/generate_access_token", json=login | {"api_key": "pk_wrong"})
    await client.post("/v1/auth/generate_access_token", content=TOO_LARGE)
    await client.post("/v1/auth/refresh", json={"token": tokens["refresh"]["token"]})
    await client.post("/v1/auth/refresh", content=b"{not json")
    await client.post("/v1/auth/refresh", json={"token": tokens["refresh"]["token"]})  # reuse
    await client.post("/v1/auth/refresh", content=TOO_LARGE)

    login = await client.post("/v1/auth/generate_access_token", json=login)
    auth = {"Authorization": f"Bearer {login.json()['data']['token']['access']['token']}"}
    legacy_auth = {"Bearer-Token": auth["Authorization"].removeprefix("Bearer ")}
    once = auth | {"Idempotency-Key": "documented-1"}
    created = await client.post("/v1/payments", json=payment_body(), headers=once)
    await client.post("/v1/payments", json=payment_body(), headers=once)  # replay
    await client.post("/v1/payments", json=payment_body(amount=7), headers=once)  # 422
    await client.post("/v1/payments", json=payment_body(card_number=VISA_EVEN), headers=auth)
    await client.post("/v1/payments", json=payment_body(card_number="4242"), headers=auth)
    await client.post("/v1/payments", content=b"[1]", headers=auth)
    await client.post("/v1/payments", json=payment_body(), headers=auth | {"Idempotency-Key": ""})
    await client.post("/v1/payments", json=payment_body())
    await client.post("/v1/payments", content=TOO_LARGE, headers=auth)
    bank.script.extend(
        [
            Unknown("timed out"),
            Unavailable(FailureReason.BANK_ERROR),
            Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=17),
            Unknown("timed out"),
            Unavailable(FailureReason.BANK_ERROR),
            Unavailable(FailureReason.BANK_UNAVAILABLE),
        ]
    )
    for _ in range(3):
        await client.post("/v1/payments", json=payment_body(), headers=auth)
    await client.get(created.headers["location"], headers=auth)
    await client.get(created.headers["location"], headers=legacy_auth)
    await client.get("/v1/payments/no-such-payment", headers=auth)
    await client.get("/v1/payments", params={"limit": "2"}, headers=auth)
    await client.get("/v1/payments", params={"limit": "0", "status": "Nope"}, headers=auth)
    await client.get("/v1/payments")
    await client.get(created.headers["location"], headers={"Authorization": "Bearer x.y.z"})

    legacy_once = legacy_auth | {"Idempotency-Key": "documented-legacy-1"}
    first = await client.post("/v1/process-payment", json=LEGACY, headers=legacy_once)
    await client.post("/v1/process-payment", json=LEGACY, headers=legacy_once)  # replay
    await client.post("/v1/process-payment", json=LEGACY | {"amount": 3}, headers=legacy_once)
    for _ in range(3):
        await client.post("/v1/process-payment", json=LEGACY, headers=legacy_auth)
    await client.post(
        "/v1/process-payment", json=LEGACY | {"card_number": VISA_EVEN}, headers=legacy_auth
    )
    await client.post("/v1/process-payment", json=LEGACY | {"amount": 10.555}, headers=legacy_auth)
    await client.post("/v1/process-payment", json=LEGACY)
    await client.post("/v1/process-payment", content=TOO_LARGE, headers=legacy_auth)
    payment_id = first.json()["data"]["Payment ID"]
    await client.get("/v1/get-payment", params={"payment_id": payment_id}, headers=legacy_auth)
    await client.get("/v1/get-payment", headers=legacy_auth)
    await client.get("/v1/get-payment", params={"payment_id": payment_id})

    await client.get("/health")
    await client.get("/ready")
    database.healthy = False
    await client.get("/ready")
    database.healthy = True
    await client.get("/metrics")
    await exercise_actions(client, auth, bank)
    await _exercise_events(client, auth)
    await exercise_webhooks(client, auth)
    return auth


async def _exercise_events(client, auth) -> None:
    page = await client.get("/v1/events", params={"limit": "1"}, headers=auth)
    event_id = page.json()["data"][0]["id"]
    await client.get("/v1/events", params={"type": "payment.created"}, headers=auth)
    await client.get("/v1/events")
    await client.get(f"/v1/events/{event_id}", headers=auth)
    await client.get("/v1/events/evt_unknown", headers=auth)
    await client.get(f"/v1/events/{event_id}")


async def _exercise_in_flight(app, auth, container, bank, recorder: Recorder) -> None:
    """409 on both payment routes: a second request while the first holds its key."""
    slow = SlowBank(bank)
    container.bank.override(providers.Object(slow))
    container.reset_singletons()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        recorder.attach(client)
        for route, body in [("/v1/payments", payment_body()), ("/v1/process-payment", LEGACY)]:
            slow.entered.clear()
            slow.release.clear()
            headers = auth | {"Idempotency-Key": f"in-flight-{route}"}
            first = asyncio.create_task(client.post(route, json=body, headers=headers))
            await asyncio.wait_for(slow.entered.wait(), timeout=30)
            await client.post(route, json=body, headers=headers)
            slow.release.set()
            await first
