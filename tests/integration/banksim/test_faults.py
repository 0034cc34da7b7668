"""Fault injection set at start: outages, hangs, latency; flags and environment variables."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from banksim.faults import Faults
from banksim.settings import BanksimSettings
from tests.integration.banksim.support import charge, running_banksim

FUNDED = "36227206271667"  # GBP 50,000.00


def _get_until_found(client: httpx.Client, path: str, within: float = 20) -> httpx.Response:
    """The hung request may still be on its way in; poll rather than assume an order."""
    deadline = time.monotonic() + within
    while (response := client.get(path)).status_code == 404 and time.monotonic() < deadline:
        time.sleep(0.05)
    return response


def test_fail_rate_1_answers_503_to_everything_and_charges_nothing(tmp_path: Path) -> None:
    with (
        running_banksim(tmp_path, "--fail-rate", "1") as server,
        httpx.Client(base_url=server.url, timeout=10) as client,
    ):
        for card_number in (FUNDED, "2222405343248877", "2222405343248872"):
            headers = {"Idempotency-Key": f"down-{card_number}"}
            response = client.post("/payments", json=charge(card_number), headers=headers)
            assert (response.status_code, response.json()) == (503, {})
        # Nothing was processed, so nothing was recorded under the key or debited.
        lookup = client.get(f"/payments/down-{FUNDED}")
        assert (lookup.status_code, lookup.json()["code"]) == (404, "unknown_key")
        assert client.get(f"/accounts/{FUNDED}").json()["balances"]["GBP"] == 5_000_000


def test_a_hung_request_is_charged_and_recorded_while_the_client_times_out(
    tmp_path: Path,
) -> None:
    env = {"BANKSIM_HANG_RATE": "1", "BANKSIM_HANG_SECONDS": "2"}
    with (
        running_banksim(tmp_path, env=env) as server,
        httpx.Client(base_url=server.url, timeout=10) as client,
    ):
        with pytest.raises(httpx.ReadTimeout):
            client.post(
                "/payments",
                json=charge(FUNDED, amount=2_500),
                headers={"Idempotency-Key": "lost-answer"},
                timeout=0.5,
            )
        lookup = _get_until_found(client, "/payments/lost-answer")
        assert lookup.status_code == 200
        assert lookup.json()["status"] == "authorized"
        assert client.get(f"/accounts/{FUNDED}").json()["balances"]["GBP"] == 5_000_000 - 2_500


def test_latency_flags_are_accepted_and_answers_unchanged(tmp_path: Path) -> None:
    flags = ("--latency-ms", "5", "--jitter-ms", "5", "--seed", "3")
    with running_banksim(tmp_path, *flags) as server:
        odd = httpx.post(f"{server.url}/payments", json=charge("2222405343248877"))
        even = httpx.post(f"{server.url}/payments", json=charge("2222405343248872"))
    assert (odd.status_code, odd.json()["authorized"]) == (200, True)
    assert (even.status_code, even.json()["authorized"]) == (200, False)


def test_a_seeded_fail_rate_is_deterministic(tmp_path: Path) -> None:
    """The process draws the same outages as a generator with the same seed."""
    env = {"BANKSIM_FAIL_RATE": "0.5", "BANKSIM_SEED": "42"}
    expected = Faults(BanksimSettings(fail_rate=0.5, seed=42))
    with running_banksim(tmp_path, env=env) as server, httpx.Client(base_url=server.url) as c:
        statuses = [
            c.post("/payments", json=charge("2222405343248877")).status_code for _ in "x" * 20
        ]
    assert statuses == [503 if expected.outage() else 200 for _ in range(20)]
    assert {200, 503} <= set(statuses)
