"""POST /v1/payments and GET /v1/payments/{id}: every outcome of API.md section 3."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
from dependency_injector import providers

from adapters.memory import InMemoryBank
from entrypoints.runtime.container_use import resolve
from paycore.bank import Authorized, Declined, Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.http.conftest import VISA_EVEN, log_in, payment_body, register

PROBLEM = "application/problem+json"


async def test_authorized_payment_is_created_with_its_location(client, auth) -> None:
    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 201
    payment = response.json()
    assert payment["status"] == "Authorized"
    assert response.headers["location"] == f"/v1/payments/{payment['id']}"
    assert payment["amount"] == 1050 and payment["currency"] == "USD"
    assert payment["card"] == {
        "last4": "1111",
        "masked_number": "**** **** **** 1111",
        "brand": "visa",
        "expiry_month": 12,
        "expiry_year": 2030,
    }
    assert payment["reference"] == "order-123"
    assert payment["authorization_code"]
    assert payment["decline_reason"] is None
    assert payment["created_at"].endswith("Z") and payment["updated_at"].endswith("Z")
    assert "card_number" not in response.text and "cvv" not in response.text


async def test_created_payment_can_be_retrieved(client, auth) -> None:
    created = (await client.post("/v1/payments", json=payment_body(), headers=auth)).json()

    response = await client.get(f"/v1/payments/{created['id']}", headers=auth)

    assert response.status_code == 200
    assert response.json() == created


async def test_declined_payment_says_why(client, auth, bank: InMemoryBank) -> None:
    bank.script.append(Declined("insufficient_funds"))

    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 201
    assert response.json()["status"] == "Declined"
    assert response.json()["decline_reason"] == "insufficient_funds"
    assert "location" in response.headers


async def test_bank_timeout_gives_pending_that_settles_later(
    client, auth, bank: InMemoryBank, container, clock
) -> None:
    bank.script.append(Unknown("timed out"))

    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 202
    payment_id = response.json()["id"]
    assert response.json()["status"] == "Pending"
    # The bank did charge it after all; the settlement sweep finds out.
    bank.answers[payment_id] = Authorized("late-code")
    clock.advance(timedelta(minutes=5))
    settle = await resolve(container.settle_pending)
    report = await settle()
    assert [p.id for p in report.settled] == [payment_id]
    settled = await client.get(f"/v1/payments/{payment_id}", headers=auth)
    assert settled.json()["status"] == "Authorized"


async def test_bank_error_is_a_502_problem_with_the_payment_id(client, auth, bank) -> None:
    bank.script.append(Unavailable(FailureReason.BANK_ERROR))

    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 502
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["status"] == 502 and problem["title"] and problem["detail"]
    failed = await client.get(f"/v1/payments/{problem['payment_id']}", headers=auth)
    assert failed.json()["status"] == "Failed"


async def test_open_circuit_is_a_503_with_retry_after(client, auth, bank) -> None:
    bank.script.append(Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=17))

    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 503
    assert response.headers["retry-after"] == "17"
    assert response.json()["payment_id"]


async def test_unreachable_bank_is_a_503_with_a_default_retry_after(client, auth, bank) -> None:
    bank.script.append(Unavailable(FailureReason.BANK_UNAVAILABLE))

    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 503
    assert int(response.headers["retry-after"]) > 0


async def test_every_bad_field_is_listed_and_the_bank_is_not_called(client, auth, bank) -> None:
    body = {
        "card_number": 4242,
        "expiry_month": "twelve",
        "expiry_year": 12345,
        "cvv": [],
        "amount": 10.5,
        "currency": "usd",
        "reference": "r" * 101,
    }

    response = await client.post("/v1/payments", json=body, headers=auth)

    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {
        "card_number",
        "expiry_month",
        "expiry_year",
        "cvv",
        "amount",
        "currency",
        "reference",
    }
    assert bank.authorize_calls == []


async def test_missing_fields_are_field_errors(client, auth) -> None:
    response = await client.post("/v1/payments", json={}, headers=auth)

    assert response.status_code == 400
    assert len(response.json()["errors"]) == 6


async def test_unknown_malformed_and_foreign_ids_get_the_same_404(client, auth, container):
    other = await register(container, "other@example.com")
    other_auth = {"Authorization": f"Bearer {(await log_in(client, other))['access']['token']}"}
    theirs = (await client.post("/v1/payments", json=payment_body(), headers=other_auth)).json()

    unknown = await client.get("/v1/payments/01900000-0000-7000-8000-000000000000", headers=auth)
    malformed = await client.get("/v1/payments/not-a-uuid", headers=auth)
    foreign = await client.get(f"/v1/payments/{theirs['id']}", headers=auth)

    assert unknown.status_code == malformed.status_code == foreign.status_code == 404
    assert unknown.json() == malformed.json() == foreign.json()


async def test_same_key_and_body_replays_the_first_response(client, auth, bank) -> None:
    headers = {**auth, "Idempotency-Key": "order-123-attempt"}
    first = await client.post("/v1/payments", json=payment_body(), headers=headers)

    again = await client.post("/v1/payments", json=payment_body(), headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert len(bank.authorize_calls) == 1


async def test_same_key_with_another_body_is_422(client, auth) -> None:
    headers = {**auth, "Idempotency-Key": "k-1"}
    await client.post("/v1/payments", json=payment_body(), headers=headers)

    response = await client.post("/v1/payments", json=payment_body(amount=999), headers=headers)

    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)


async def test_keys_belong_to_one_merchant(client, auth, container) -> None:
    other = await register(container, "other@example.com")
    other_auth = {"Authorization": f"Bearer {(await log_in(client, other))['access']['token']}"}
    key = {"Idempotency-Key": "shared-key"}
    first = await client.post("/v1/payments", json=payment_body(), headers={**auth, **key})

    theirs = await client.post(
        "/v1/payments", json=payment_body(card_number=VISA_EVEN), headers={**other_auth, **key}
    )

    assert theirs.status_code == 201
    assert theirs.json()["id"] != first.json()["id"]


async def test_a_key_still_in_flight_is_409(app, auth, container, bank) -> None:
    slow = SlowBank(bank)
    container.bank.override(providers.Object(slow))
    container.reset_singletons()
    headers = {**auth, "Idempotency-Key": "in-flight"}
    # Litestar's test client handles one request at a time; this transport runs the app
    # on the test's own loop, so two requests can overlap.
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        first = asyncio.create_task(
            client.post("/v1/payments", json=payment_body(), headers=headers)
        )
        await slow.entered.wait()
        second = await client.post("/v1/payments", json=payment_body(), headers=headers)
        slow.release.set()
        first_response = await first

    assert second.status_code == 409
    assert second.headers["content-type"].startswith(PROBLEM)
    assert first_response.status_code == 201


async def test_idempotency_key_must_be_printable_and_short(client, auth) -> None:
    too_long = await client.post(
        "/v1/payments", json=payment_body(), headers={**auth, "Idempotency-Key": "k" * 256}
    )
    control = await client.post(
        "/v1/payments", json=payment_body(), headers={**auth, "Idempotency-Key": "a\tb"}
    )

    assert too_long.status_code == control.status_code == 400


class SlowBank:
    """Holds every authorization until released, to keep a request in flight."""

    def __init__(self, inner: InMemoryBank) -> None:
        self.inner = inner
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    async def authorize(self, request):
        self.entered.set()
        await self.release.wait()
        return await self.inner.authorize(request)

    async def lookup(self, key):
        return await self.inner.lookup(key)
