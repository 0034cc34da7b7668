"""Capture, void and refund over HTTP (API.md section 7), on the in-memory adapters."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.memory import InMemoryBank
from paycore.acquirer_actions import ActionRefused
from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.http.action_exercise import UNKNOWN_ID, authorized
from tests.integration.http.conftest import log_in, payment_body, register

PROBLEM = "urn:paygate:problem:"


async def act(client: Any, auth: dict[str, str], payment_id: str, route: str, **kw: Any) -> Any:
    return await client.post(f"/v1/payments/{payment_id}/{route}", headers=auth, **kw)


async def stored(client: Any, auth: dict[str, str], payment_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/payments/{payment_id}", headers=auth)
    assert response.status_code == 200
    return dict(response.json())


async def test_a_capture_without_a_body_collects_everything(client, auth) -> None:
    payment_id = await authorized(client, auth)
    response = await act(client, auth, payment_id, "captures")
    assert response.status_code == 201
    assert response.headers["location"] == f"/v1/payments/{payment_id}"
    payment = response.json()
    assert (payment["status"], payment["captured_amount"]) == ("Captured", 1050)
    [action] = payment["actions"]
    assert set(action) == {"id", "type", "amount", "status", "reason", "created_at", "updated_at"}
    assert (action["type"], action["amount"], action["status"]) == ("capture", 1050, "Succeeded")
    assert await stored(client, auth, payment_id) == payment


async def test_partial_captures_add_up_to_the_authorized_amount_and_no_more(client, auth) -> None:
    payment_id = await authorized(client, auth)
    first = await act(client, auth, payment_id, "captures", json={"amount": 500})
    assert (first.status_code, first.json()["status"]) == (201, "PartiallyCaptured")
    over = await act(client, auth, payment_id, "captures", json={"amount": 551})
    assert over.status_code == 422
    assert over.json()["type"] == PROBLEM + "amount-too-large"
    assert len((await stored(client, auth, payment_id))["actions"]) == 1
    last = await act(client, auth, payment_id, "captures", json={"amount": 550})
    assert (last.json()["status"], last.json()["captured_amount"]) == ("Captured", 1050)


async def test_partial_refunds_add_up_to_the_captured_amount_and_no_more(client, auth) -> None:
    payment_id = await authorized(client, auth)
    await act(client, auth, payment_id, "captures", json={"amount": 800})
    body = {"amount": 200, "reason": "one item returned"}
    first = await act(client, auth, payment_id, "refunds", json=body)
    assert (first.status_code, first.json()["status"]) == (201, "PartiallyRefunded")
    assert first.json()["actions"][-1]["reason"] == "one item returned"
    over = await act(client, auth, payment_id, "refunds", json={"amount": 601})
    assert (over.status_code, over.json()["type"]) == (422, PROBLEM + "amount-too-large")
    rest = await act(client, auth, payment_id, "refunds")
    assert (rest.json()["status"], rest.json()["refunded_amount"]) == ("Refunded", 800)


async def test_a_void_releases_an_authorization(client, auth) -> None:
    payment_id = await authorized(client, auth)
    response = await act(client, auth, payment_id, "voids")
    assert (response.status_code, response.json()["status"]) == (201, "Voided")


@pytest.mark.parametrize(
    ("before", "route"),
    [
        ("voids", "captures"),
        ("voids", "refunds"),
        ("voids", "voids"),
        ("captures", "voids"),
        (None, "refunds"),
    ],
)
async def test_an_illegal_move_is_a_409_and_changes_nothing(client, auth, before, route) -> None:
    payment_id = await authorized(client, auth)
    if before:
        await act(client, auth, payment_id, before)
    was = await stored(client, auth, payment_id)
    response = await act(client, auth, payment_id, route)
    assert (response.status_code, response.json()["type"]) == (409, PROBLEM + "invalid-state")
    assert await stored(client, auth, payment_id) == was


async def test_a_replayed_capture_is_applied_once(client, auth, bank: InMemoryBank) -> None:
    payment_id = await authorized(client, auth)
    keyed = auth | {"Idempotency-Key": "capture-1"}
    first = await act(client, keyed, payment_id, "captures", json={"amount": 300})
    again = await act(client, keyed, payment_id, "captures", json={"amount": 300})
    assert again.status_code == first.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert bank.applied_actions == 1
    reused = await act(client, keyed, payment_id, "captures", json={"amount": 301})
    assert (reused.status_code, reused.json()["type"]) == (422, PROBLEM + "idempotency-key-reused")
    assert (await stored(client, auth, payment_id))["captured_amount"] == 300


@pytest.mark.parametrize("amount", [0, -5, "5", 5.5, True, [5]])
@pytest.mark.parametrize("route", ["captures", "refunds"])
async def test_a_malformed_amount_is_a_400_naming_it(client, auth, route, amount) -> None:
    payment_id = await authorized(client, auth)
    await act(client, auth, payment_id, "captures", json={"amount": 100})
    response = await act(client, auth, payment_id, route, json={"amount": amount})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["amount"]
    assert len((await stored(client, auth, payment_id))["actions"]) == 1


async def test_another_merchants_payment_is_not_found(client, container, auth) -> None:
    payment_id = await authorized(client, auth)
    other = await log_in(client, await register(container, "other@example.com"))
    other_auth = {"Authorization": f"Bearer {other['access']['token']}"}
    for route in ("captures", "voids", "refunds"):
        response = await act(client, other_auth, payment_id, route)
        assert (response.status_code, response.json()["type"]) == (404, PROBLEM + "not-found")
    assert (await act(client, auth, UNKNOWN_ID, "captures")).status_code == 404
    assert (await act(client, auth, "not-a-uuid", "captures")).status_code == 404
    assert (await stored(client, auth, payment_id))["actions"] == []


async def test_an_unknown_answer_is_a_202_with_the_action_pending(client, auth, bank) -> None:
    payment_id = await authorized(client, auth)
    bank.action_script.append(Unknown("timed out"))
    response = await act(client, auth, payment_id, "captures")
    assert response.status_code == 202
    payment = response.json()
    assert (payment["status"], payment["captured_amount"]) == ("Authorized", 0)
    assert [a["status"] for a in payment["actions"]] == ["Pending"]
    blocked = await act(client, auth, payment_id, "voids")
    assert blocked.status_code == 409


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        (ActionRefused("already_voided"), 502),
        (Unavailable(FailureReason.BANK_ERROR), 502),
        (Unavailable(FailureReason.BANK_UNAVAILABLE, retry_after_seconds=7), 503),
        (Unavailable(FailureReason.CIRCUIT_OPEN), 503),
    ],
)
async def test_a_failed_action_changes_nothing_but_is_recorded(
    client, auth, bank, outcome, status
) -> None:
    payment_id = await authorized(client, auth)
    bank.action_script.append(outcome)
    response = await act(client, auth, payment_id, "captures")
    assert response.status_code == status
    problem = response.json()
    assert (problem["type"], problem["payment_id"]) == (PROBLEM + "action-failed", payment_id)
    if status == 503:
        expected = str(getattr(outcome, "retry_after_seconds", None) or 5)
        assert response.headers["retry-after"] == expected
    payment = await stored(client, auth, payment_id)
    assert (payment["status"], payment["captured_amount"]) == ("Authorized", 0)
    assert [a["status"] for a in payment["actions"]] == ["Failed"]


async def test_a_bank_without_actions_is_refused_up_front(client, auth, bank) -> None:
    payment_id = await authorized(client, auth)
    bank.supports_actions = False
    response = await act(client, auth, payment_id, "captures")
    assert (response.status_code, response.json()["type"]) == (422, PROBLEM + "actions-unsupported")
    assert bank.action_calls == []


async def test_capture_true_captures_a_new_payment_at_once(client, auth, bank) -> None:
    keyed = auth | {"Idempotency-Key": "order-9"}
    response = await client.post("/v1/payments", json=payment_body(capture=True), headers=keyed)
    assert response.status_code == 201
    assert (response.json()["status"], response.json()["captured_amount"]) == ("Captured", 1050)
    again = await client.post("/v1/payments", json=payment_body(capture=True), headers=keyed)
    assert (again.json()["status"], bank.applied_actions) == ("Captured", 1)
    plain = await client.post("/v1/payments", json=payment_body(), headers=keyed)
    assert plain.status_code == 422


async def test_capture_must_be_a_boolean(client, auth) -> None:
    response = await client.post("/v1/payments", json=payment_body(capture="yes"), headers=auth)
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["capture"]


async def test_capture_true_on_a_bank_without_actions_charges_nothing(client, auth, bank) -> None:
    bank.supports_actions = False
    response = await client.post("/v1/payments", json=payment_body(capture=True), headers=auth)
    assert (response.status_code, response.json()["type"]) == (422, PROBLEM + "actions-unsupported")
    assert bank.authorize_calls == []
