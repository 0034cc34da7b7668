"""API.md section 5, extensions: idempotency, lookup by key, funded accounts, over real HTTP."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.integration.banksim.support import balance, charge


def key() -> str:
    return f"test-{uuid.uuid4()}"


def post(client: httpx.Client, body: dict[str, object], idempotency_key: str) -> httpx.Response:
    return client.post("/payments", json=body, headers={"Idempotency-Key": idempotency_key})


@pytest.mark.parametrize("card_number", ["2222405343248877", "2222405343248872"])
def test_a_repeated_key_replays_the_first_answer(client: httpx.Client, card_number: str) -> None:
    k = key()
    first = post(client, charge(card_number), k)
    again = post(client, charge(card_number), k)
    assert (again.status_code, again.content) == (first.status_code, first.content)


def test_a_repeated_key_with_another_body_still_gets_the_first_answer(
    client: httpx.Client,
) -> None:
    k = key()
    first = post(client, charge("2222405343248877"), k)
    other = post(client, charge("2222405343248872", amount=999), k)
    assert (other.status_code, other.json()) == (200, first.json())


def test_a_replay_never_debits_twice(client: httpx.Client) -> None:
    k = key()
    for _ in range(3):
        assert post(client, charge("4000056655665556", amount=700), k).json()["authorized"]
    assert balance(client, "4000056655665556") == 5_000_000 - 700


def test_lookup_by_key_returns_the_recorded_answer_and_status(client: httpx.Client) -> None:
    authorized, declined = key(), key()
    code = post(client, charge("2222405343248877"), authorized).json()["authorization_code"]
    post(client, charge("2222405343248872"), declined)
    assert client.get(f"/payments/{authorized}").json() == {
        "authorized": True, "authorization_code": code, "status": "authorized",
    }  # fmt: skip
    assert client.get(f"/payments/{declined}").json() == {
        "authorized": False, "authorization_code": "", "status": "declined",
    }  # fmt: skip


def test_lookup_of_an_unknown_key_is_a_404_with_a_code(client: httpx.Client) -> None:
    response = client.get(f"/payments/{key()}")
    assert response.status_code == 404
    assert response.json() == {"error_message": "unknown idempotency key", "code": "unknown_key"}


def test_a_card_ending_in_0_is_recorded_as_unavailable_and_charges_nothing(
    client: httpx.Client,
) -> None:
    k = key()
    assert post(client, charge("5105105105105100"), k).status_code == 503
    assert (post(client, charge("5105105105105100"), k).json()) == {}
    lookup = client.get(f"/payments/{k}")
    assert (lookup.status_code, lookup.json()) == (200, {"status": "unavailable"})
    assert balance(client, "5105105105105100") == 5_000_000


def test_an_overlong_idempotency_key_is_a_400(client: httpx.Client) -> None:
    response = post(client, charge("2222405343248877"), "k" * 256)
    assert response.status_code == 400


def test_an_amount_above_the_balance_is_declined_for_insufficient_funds(
    client: httpx.Client,
) -> None:
    low = "4000000000009995"  # 10.00 in each currency
    assert post(client, charge(low, amount=600), key()).json()["authorized"] is True
    response = post(client, charge(low, amount=600), key())
    assert (response.status_code, response.json()) == (200, {
        "authorized": False, "authorization_code": "", "decline_reason": "insufficient_funds",
    })  # fmt: skip
    assert balance(client, low) == 400


def test_an_authorization_reduces_only_its_currency_balance(client: httpx.Client) -> None:
    card = "6011111111111117"
    assert client.post("/payments", json=charge(card, 12_345, "USD")).json()["authorized"]
    assert balance(client, card, "USD") == 5_000_000 - 12_345
    assert balance(client, card, "EUR") == 5_000_000


@pytest.mark.parametrize(
    ("card_number", "currency", "authorized"),
    [
        ("4242424242424242", "GBP", True),  # funded: authorized although it ends in 2
        ("4000000000000119", "GBP", False),  # funded with nothing: insufficient_funds
        ("6205500000000000004", "JPY", False),  # no JPY balance at all
        ("4000000000000002", "GBP", False),  # last-digit card ending in 2
        ("4111111111111111", "GBP", True),  # last-digit card ending in 1
    ],
)
def test_funded_cards_follow_their_behaviour(
    client: httpx.Client, card_number: str, currency: str, authorized: bool
) -> None:
    before = client.get(f"/accounts/{card_number}").json()["balances"].get(currency, 0)
    response = client.post("/payments", json=charge(card_number, 100, currency))
    assert (response.status_code, response.json()["authorized"]) == (200, authorized)
    after = client.get(f"/accounts/{card_number}").json()["balances"].get(currency, 0)
    assert after == (before - 100 if authorized else before)


def test_accounts_show_last_four_only_and_404_unknown_cards(client: httpx.Client) -> None:
    account = client.get("/accounts/5555555555554444")
    assert account.json()["last4"] == "4444"
    assert "5555555555554444" not in account.text
    unknown = client.get("/accounts/2222405343248877")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "unknown_account")
