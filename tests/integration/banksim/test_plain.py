"""`--plain` / BANKSIM_PLAIN=1: only the base contract, like the challenge's own simulator."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.integration.banksim.support import charge, running_banksim


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    workdir = tmp_path_factory.mktemp("plain")
    with (
        running_banksim(workdir, env={"BANKSIM_PLAIN": "1"}) as server,
        httpx.Client(base_url=server.url, timeout=10) as http,
    ):
        yield http


def test_a_repeated_key_charges_twice(plain: httpx.Client) -> None:
    headers = {"Idempotency-Key": "same-key"}
    first = plain.post("/payments", json=charge("2222405343248877"), headers=headers).json()
    second = plain.post("/payments", json=charge("2222405343248877"), headers=headers).json()
    assert first["authorized"] and second["authorized"]
    assert first["authorization_code"] != second["authorization_code"]


def test_the_idempotency_key_header_is_ignored_entirely(plain: httpx.Client) -> None:
    headers = {"Idempotency-Key": "k" * 300}
    response = plain.post("/payments", json=charge("2222405343248877"), headers=headers)
    assert response.status_code == 200


def test_there_is_no_lookup_by_key(plain: httpx.Client) -> None:
    plain.post("/payments", json=charge("2222405343248877"), headers={"Idempotency-Key": "k"})
    response = plain.get("/payments/k")
    assert response.status_code in {404, 405}
    assert "unknown_key" not in response.text


def test_there_are_no_balances_only_the_last_digit_rule(plain: httpx.Client) -> None:
    low = "4000000000009995"  # funded with 10.00 when the extensions are on
    for _ in range(2):
        answer = plain.post("/payments", json=charge(low, amount=1_000_000)).json()
        assert set(answer) == {"authorized", "authorization_code"}
        assert answer["authorized"] is True
    declined = plain.post("/payments", json=charge("4242424242424242")).json()
    assert declined == {"authorized": False, "authorization_code": ""}
    assert plain.get(f"/accounts/{low}").status_code == 404


def test_the_base_contract_still_holds(plain: httpx.Client) -> None:
    assert plain.post("/payments", json=charge("2222405343248870")).status_code == 503
    assert plain.post("/payments", content=b"{").status_code == 400
    assert plain.get("/health").json() == {"status": "ok"}


@pytest.mark.parametrize("route", ["captures", "refunds", "voids"])
def test_there_are_no_follow_up_actions(plain: httpx.Client, route: str) -> None:
    answer = plain.post("/payments", json=charge("2222405343248877")).json()
    response = plain.post(
        f"/payments/{answer['authorization_code']}/{route}",
        json={"amount": 100},
        headers={"Idempotency-Key": f"plain-{route}"},
    )
    assert response.status_code in {404, 405}
    assert "unknown_authorization" not in response.text
    lookup = plain.get(f"/actions/plain-{route}")
    assert lookup.status_code in {404, 405}
    assert "unknown_key" not in lookup.text
