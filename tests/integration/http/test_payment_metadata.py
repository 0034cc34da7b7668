"""Metadata over HTTP: stored, returned, replayed; every violation a 400 at once."""

from __future__ import annotations

from tests.integration.http.conftest import payment_body

PROBLEM = "application/problem+json"
LABELS = {"order_id": "6735", "customer": "c-42"}


async def test_metadata_is_returned_on_create_retrieve_and_list(client, auth) -> None:
    created = await client.post("/v1/payments", json=payment_body(metadata=LABELS), headers=auth)
    assert created.status_code == 201 and created.json()["metadata"] == LABELS
    payment_id = created.json()["id"]
    retrieved = await client.get(f"/v1/payments/{payment_id}", headers=auth)
    assert retrieved.json()["metadata"] == LABELS
    listed = await client.get("/v1/payments", headers=auth)
    assert listed.json()["data"] == [retrieved.json()]


async def test_a_payment_without_metadata_shows_an_empty_object(client, auth) -> None:
    created = await client.post("/v1/payments", json=payment_body(), headers=auth)
    assert created.json()["metadata"] == {}
    nulled = await client.post("/v1/payments", json=payment_body(metadata=None), headers=auth)
    assert nulled.json()["metadata"] == {}


async def test_every_metadata_violation_is_reported_at_once(client, auth) -> None:
    metadata = {
        "order_id": 6735,
        "note": "x" * 501,
        "k" * 41: "v",
        "pan": "4242 4242 4242 4242",
        "4111-1111-1111-1111": "as a key",
    }
    response = await client.post(
        "/v1/payments", json=payment_body(metadata=metadata, amount=0), headers=auth
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    errors = [(e["field"], e["message"]) for e in response.json()["errors"]]
    assert errors[0][0] == "amount"
    assert errors[1:] == [
        ("metadata.order_id", "must be a string"),
        ("metadata.note", "must be at most 500 characters"),
        ("metadata." + "k" * 41, "keys must be 1 to 40 characters"),
        ("metadata.pan", "must not hold a card number"),
        ("metadata", "keys must not hold a card number"),
    ]
    # The refused card numbers are not echoed back.
    assert "4242" not in response.text and "4111" not in response.text


async def test_too_many_keys_or_not_an_object_is_400(client, auth) -> None:
    for metadata in ({f"k{i}": "v" for i in range(21)}, ["a"], "text", 7):
        response = await client.post(
            "/v1/payments", json=payment_body(metadata=metadata), headers=auth
        )
        assert response.status_code == 400, metadata
        assert [e["field"] for e in response.json()["errors"]] == ["metadata"]


async def test_a_nul_character_in_metadata_is_400(client, auth) -> None:
    for metadata in ({"k": "a\x00b"}, {"a\x00b": "v"}):
        response = await client.post(
            "/v1/payments", json=payment_body(metadata=metadata), headers=auth
        )
        assert response.status_code == 400
        assert response.headers["content-type"] == PROBLEM


async def test_a_replay_returns_the_metadata_and_other_metadata_is_422(client, auth) -> None:
    key = {**auth, "Idempotency-Key": "order-6735"}
    first = await client.post("/v1/payments", json=payment_body(metadata=LABELS), headers=key)
    again = await client.post("/v1/payments", json=payment_body(metadata=LABELS), headers=key)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    other = await client.post(
        "/v1/payments", json=payment_body(metadata={"order_id": "6736"}), headers=key
    )
    assert other.status_code == 422


async def test_the_legacy_route_accepts_metadata_and_keeps_its_shape(client, auth) -> None:
    body = {
        "card_number": "4111 1111 1111 1111",
        "exp_month": 12,
        "exp_year": 2030,
        "cvv": "123",
        "amount": 10.5,
        "currency": "USD",
        "metadata": LABELS,
    }
    response = await client.post("/v1/process-payment", json=body, headers=auth)
    assert response.status_code == 201
    assert set(response.json()["data"]) == {"Message", "Payment ID", "Payment Status"}
    payment_id = response.json()["data"]["Payment ID"]
    stored = await client.get(f"/v1/payments/{payment_id}", headers=auth)
    assert stored.json()["metadata"] == LABELS
    refused = await client.post(
        "/v1/process-payment", json={**body, "metadata": {"k": 1}}, headers=auth
    )
    assert refused.status_code == 400 and refused.json()["success"] is False
    assert refused.json()["errors"] == [{"field": "metadata.k", "message": "must be a string"}]
