"""A replayed Idempotency-Key answers the first response, status and body (API.md section 3),
whatever became of the payment since; GET shows the payment as it is now."""

from __future__ import annotations

from datetime import timedelta

from adapters.memory import InMemoryBank
from entrypoints.runtime.container_use import resolve
from paycore.bank import Authorized, Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.http.conftest import payment_body
from tests.integration.http.test_legacy import ROUTE as LEGACY_ROUTE
from tests.integration.http.test_legacy import legacy_body


async def settle_as_authorized(container, clock, bank: InMemoryBank, payment_id: str) -> None:
    bank.answers[payment_id] = Authorized("late-code")
    clock.advance(timedelta(minutes=5))
    settle = await resolve(container.settle_pending)
    report = await settle()
    assert [p.id for p in report.settled] == [payment_id]


async def test_a_pending_202_replays_as_that_202_after_the_payment_settled(
    client, auth, bank: InMemoryBank, container, clock
) -> None:
    bank.script.append(Unknown("timed out"))
    headers = {**auth, "Idempotency-Key": "pending-then-settled"}
    first = await client.post("/v1/payments", json=payment_body(), headers=headers)
    assert first.status_code == 202 and first.json()["status"] == "Pending"
    payment_id = first.json()["id"]
    await settle_as_authorized(container, clock, bank, payment_id)

    again = await client.post("/v1/payments", json=payment_body(), headers=headers)
    now = await client.get(f"/v1/payments/{payment_id}", headers=auth)

    assert again.status_code == 202
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    assert now.status_code == 200
    assert now.json()["status"] == "Authorized"
    assert now.json()["authorization_code"] == "late-code"
    assert bank.authorize_calls == [payment_id]


async def test_a_circuit_open_503_replays_as_503_with_its_retry_after(
    client, auth, bank: InMemoryBank, clock
) -> None:
    bank.script.append(Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=17))
    headers = {**auth, "Idempotency-Key": "circuit-open"}
    first = await client.post("/v1/payments", json=payment_body(), headers=headers)
    clock.advance(timedelta(minutes=1))

    again = await client.post("/v1/payments", json=payment_body(), headers=headers)

    assert first.status_code == again.status_code == 503
    assert first.headers["retry-after"] == again.headers["retry-after"] == "17"
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["content-type"].startswith("application/problem+json")
    assert again.json() == first.json()
    assert again.json()["payment_id"]
    assert len(bank.authorize_calls) == 1


async def test_legacy_replays_answer_the_first_envelope_and_status(
    client, auth, bank: InMemoryBank, container, clock
) -> None:
    bank.script.extend([Unknown("timed out"), Unavailable(FailureReason.CIRCUIT_OPEN, 9)])
    pending_key = {**auth, "Idempotency-Key": "legacy-pending"}
    down_key = {**auth, "Idempotency-Key": "legacy-down"}
    pending = await client.post(LEGACY_ROUTE, json=legacy_body(), headers=pending_key)
    down = await client.post(LEGACY_ROUTE, json=legacy_body(amount="11.5"), headers=down_key)
    payment_id = pending.json()["data"]["Payment ID"]
    await settle_as_authorized(container, clock, bank, payment_id)

    pending_again = await client.post(LEGACY_ROUTE, json=legacy_body(), headers=pending_key)
    down_again = await client.post(LEGACY_ROUTE, json=legacy_body(amount="11.5"), headers=down_key)
    now = await client.get(f"/v1/get-payment?payment_id={payment_id}", headers=auth)

    assert [pending.status_code, pending_again.status_code] == [202, 202]
    assert pending_again.json() == pending.json()
    assert pending_again.json()["data"]["Payment Status"] == "Pending"
    assert [down.status_code, down_again.status_code] == [503, 503]
    assert down_again.json() == down.json()
    assert down_again.headers["retry-after"] == "9"
    assert now.json()["data"]["Payment Details"]["status"] == "Authorized"
    for replay in (pending_again, down_again):
        assert replay.headers["idempotent-replayed"] == "true"
    assert len(bank.authorize_calls) == 2
