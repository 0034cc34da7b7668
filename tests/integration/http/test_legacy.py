"""The original design's routes and envelopes (API.md section 4)."""

from __future__ import annotations

import pytest

from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.http.conftest import VISA_EVEN, legacy_body

ROUTE = "/v1/process-payment"


async def test_authorized_is_201_with_the_envelope(client, auth) -> None:
    response = await client.post(ROUTE, json=legacy_body(), headers=auth)

    assert response.status_code == 201
    body = response.json()
    assert body["success"] is True
    assert body["data"]["Message"] == "Payment processed successfully"
    assert body["data"]["Payment Status"] == "Authorized"
    assert body["data"]["Payment ID"]


async def test_declined_is_402(client, auth) -> None:
    response = await client.post(ROUTE, json=legacy_body(card_number=VISA_EVEN), headers=auth)

    assert response.status_code == 402
    assert response.json() == {
        "success": False,
        "data": {
            "Message": "Payment declined",
            "Payment ID": response.json()["data"]["Payment ID"],
            "Payment Status": "Declined",
        },
    }


async def test_expiry_month_spelling_and_string_amounts_are_accepted(client, auth) -> None:
    body = legacy_body(amount="10.50", expiry_month=11, expiry_year=2031)
    del body["exp_month"], body["exp_year"]

    response = await client.post(ROUTE, json=body, headers=auth)

    assert response.status_code == 201


async def test_too_many_decimals_is_400(client, auth) -> None:
    response = await client.post(ROUTE, json=legacy_body(amount=10.505), headers=auth)

    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False and body["message"]
    assert [e["field"] for e in body["errors"]] == ["amount"]


# With the currency bad too, the amount is still judged on its own: type, form and sign.
@pytest.mark.parametrize("amount", ["-1", "abc", "0", -1, 0, []])
async def test_invalid_input_lists_every_field(client, auth, amount) -> None:
    body = {"card_number": "1234", "exp_month": 13, "cvv": "x", "amount": amount, "currency": "XXX"}

    response = await client.post(ROUTE, json=body, headers=auth)

    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"card_number", "expiry_month", "expiry_year", "cvv", "currency", "amount"}


async def test_pending_is_202_and_failures_are_502_or_503(client, auth, bank) -> None:
    bank.script.extend(
        [
            Unknown(),
            Unavailable(FailureReason.BANK_ERROR),
            Unavailable(FailureReason.CIRCUIT_OPEN, 9),
        ]
    )

    pending = await client.post(ROUTE, json=legacy_body(), headers=auth)
    error = await client.post(ROUTE, json=legacy_body(), headers=auth)
    unavailable = await client.post(ROUTE, json=legacy_body(), headers=auth)

    assert [pending.status_code, error.status_code, unavailable.status_code] == [202, 502, 503]
    assert pending.json()["data"]["Payment Status"] == "Pending"
    assert error.json()["success"] is False and error.json()["message"]
    assert unavailable.headers["retry-after"] == "9"


async def test_get_payment_shows_major_units(client, auth) -> None:
    created = await client.post(ROUTE, json=legacy_body(amount="10.5"), headers=auth)
    payment_id = created.json()["data"]["Payment ID"]

    response = await client.get(f"/v1/get-payment?payment_id={payment_id}", headers=auth)

    assert response.status_code == 200
    assert response.json() == {
        "success": True,
        "data": {
            "Payment Details": {
                "payment_id": payment_id,
                "masked_card_number": "**** **** **** 1111",
                "amount": 10.5,
                "currency": "USD",
                "status": "Authorized",
            }
        },
    }


async def test_unknown_payment_is_404_with_the_envelope(client, auth) -> None:
    for query in ("?payment_id=nope", "?payment_id=01900000-0000-7000-8000-000000000000", ""):
        response = await client.get(f"/v1/get-payment{query}", headers=auth)
        assert response.status_code == 404
        assert response.json() == {"success": False, "message": "payment not found"}


async def test_legacy_idempotency_replays(client, auth, bank) -> None:
    headers = {**auth, "Idempotency-Key": "legacy-1"}
    first = await client.post(ROUTE, json=legacy_body(), headers=headers)

    again = await client.post(ROUTE, json=legacy_body(), headers=headers)
    other = await client.post(ROUTE, json=legacy_body(amount=11), headers=headers)

    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert other.status_code == 422 and other.json()["success"] is False
    assert len(bank.authorize_calls) == 1
