"""API.md section 5, base contract: validation and the last-digit rule, over real HTTP."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.integration.banksim.support import Banksim, charge

FIELDS = ["card_number", "expiry_date", "currency", "amount", "cvv"]
# Not in the funded table, so the last digit decides.
UNFUNDED = "222240534324887"


def test_health(client: httpx.Client) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


@pytest.mark.parametrize("field", FIELDS)
def test_a_missing_required_field_is_a_400_naming_it(client: httpx.Client, field: str) -> None:
    body = charge(UNFUNDED + "7")
    del body[field]
    response = client.post("/payments", json=body)
    assert response.status_code == 400
    assert field in response.json()["error_message"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("amount", "100"), ("amount", 10.5), ("amount", True), ("amount", None), ("cvv", 123),
     ("card_number", 2222405343248877), ("expiry_date", ["04", "2030"]), ("currency", 826)],
)  # fmt: skip
def test_a_wrongly_typed_field_is_a_400(client: httpx.Client, field: str, value: object) -> None:
    response = client.post("/payments", json={**charge(UNFUNDED + "7"), field: value})
    assert response.status_code == 400
    assert field in response.json()["error_message"]


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b'{"card_number": "4242', b"not json", b"\xff\xfe\x00", b"[]", b"null", b"42"],
)
def test_malformed_json_is_a_400_never_a_500(client: httpx.Client, raw: bytes) -> None:
    response = client.post("/payments", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error_message"]


@pytest.mark.parametrize(
    ("field", "value"), [("card_number", "4242x"), ("card_number", ""), ("amount", 0)]
)
def test_values_no_bank_could_process_are_a_400(
    client: httpx.Client, field: str, value: object
) -> None:
    response = client.post("/payments", json={**charge(UNFUNDED + "7"), field: value})
    assert response.status_code == 400
    assert response.json()["error_message"]


@pytest.mark.parametrize("last_digit", "13579")
def test_an_odd_last_digit_is_authorized_with_a_uuid4(
    client: httpx.Client, last_digit: str
) -> None:
    response = client.post("/payments", json=charge(UNFUNDED + last_digit))
    assert response.status_code == 200
    body = response.json()
    assert body["authorized"] is True
    assert uuid.UUID(body["authorization_code"]).version == 4
    assert set(body) == {"authorized", "authorization_code"}


@pytest.mark.parametrize("last_digit", "2468")
def test_an_even_last_digit_is_declined(client: httpx.Client, last_digit: str) -> None:
    response = client.post("/payments", json=charge(UNFUNDED + last_digit))
    assert response.status_code == 200
    assert response.json() == {"authorized": False, "authorization_code": ""}


def test_a_last_digit_0_is_a_503_with_an_empty_object(client: httpx.Client) -> None:
    response = client.post("/payments", json=charge(UNFUNDED + "0"))
    assert (response.status_code, response.json()) == (503, {})


def test_unknown_fields_and_card_spacing_are_accepted(client: httpx.Client) -> None:
    body = {**charge("2222 4053-4324 8877"), "reference": "order-1", "extra": {"x": 1}}
    response = client.post("/payments", json=body)
    assert (response.status_code, response.json()["authorized"]) == (200, True)


def test_the_log_shows_last_four_only_and_never_the_cvv(
    client: httpx.Client, banksim: Banksim
) -> None:
    for number in ("4242424242424242", "2222405343248877", "2222405343248872"):
        client.post("/payments", json={**charge(number), "cvv": "7319"})
    log = banksim.log_text()
    assert "last4=4242" in log
    assert "last4=8877" in log
    for secret in ("4242424242424242", "2222405343248877", "2222405343248872", "7319"):
        assert secret not in log


def test_metrics_count_answers_by_outcome(client: httpx.Client) -> None:
    charge = {
        "card_number": "4000000000000077",
        "expiry_date": "04/2030",
        "currency": "GBP",
        "amount": 100,
        "cvv": "123",
    }
    assert client.post("/payments", json=charge).status_code == 200
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    line = next(
        line
        for line in answer.text.splitlines()
        if line.startswith('banksim_authorizations_total{outcome="authorized",replayed="false"}')
    )
    assert float(line.rsplit(" ", 1)[1]) >= 1
