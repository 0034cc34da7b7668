"""The faults set at start (latency, outages, hangs) hit follow-up actions as they hit payments."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from banksim.faults import Faults
from banksim.settings import BanksimSettings
from tests.integration.banksim.support import act, authorize, held, running_banksim

FUNDED = "36227206271667"  # GBP 50,000.00


def _get_until_found(client: httpx.Client, path: str, within: float = 20) -> httpx.Response:
    """The hung request may still be on its way in; poll rather than assume an order."""
    deadline = time.monotonic() + within
    while (response := client.get(path)).status_code == 404 and time.monotonic() < deadline:
        time.sleep(0.05)
    return response


def test_an_outage_applies_nothing_and_a_retry_with_the_key_is_applied_once(
    tmp_path: Path,
) -> None:
    # Seed 10 draws: no outage (the authorization), an outage, then none (the retry).
    draws = Faults(BanksimSettings(fail_rate=0.5, seed=10))
    assert [draws.outage() for _ in range(3)] == [False, True, False]
    flags = ("--fail-rate", "0.5", "--seed", "10", "--latency-ms", "200")
    with (
        running_banksim(tmp_path, *flags) as server,
        httpx.Client(base_url=server.url, timeout=10) as client,
    ):
        code = authorize(client, FUNDED, 2_500)
        down = act(client, code, "captures", 1_000, "retried")
        assert (down.status_code, down.json()) == (503, {})
        assert client.get("/actions/retried").json()["code"] == "unknown_key"
        assert held(client, FUNDED) == 2_500
        started = time.monotonic()
        up = act(client, code, "captures", 1_000, "retried")
        assert (up.status_code, up.json()) == (200, {"status": "succeeded"})
        assert time.monotonic() - started >= 0.2  # the added latency
        # A replay draws no fault and waits for no latency: it is the recorded answer.
        assert act(client, code, "captures", 1_000, "retried").status_code == 200
        assert held(client, FUNDED) == 1_500


def test_fail_rate_1_answers_503_to_every_action(tmp_path: Path) -> None:
    with (
        running_banksim(tmp_path, "--fail-rate", "1") as server,
        httpx.Client(base_url=server.url, timeout=10) as client,
    ):
        for route in ("captures", "refunds", "voids"):
            response = act(client, "any-code", route, 100, f"down-{route}")
            assert (response.status_code, response.json()) == (503, {})
            assert client.get(f"/actions/down-{route}").status_code == 404


def test_a_hung_action_is_applied_and_recorded_while_the_client_times_out(
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
                json={"card_number": FUNDED, "expiry_date": "04/2030", "currency": "GBP",
                      "amount": 2_500, "cvv": "123"},
                headers={"Idempotency-Key": "hung-payment"},
                timeout=0.5,
            )  # fmt: skip
        payment = _get_until_found(client, "/payments/hung-payment").json()
        with pytest.raises(httpx.ReadTimeout):
            client.post(
                f"/payments/{payment['authorization_code']}/captures",
                json={"amount": 1_000},
                headers={"Idempotency-Key": "hung-capture"},
                timeout=0.5,
            )
        lookup = _get_until_found(client, "/actions/hung-capture")
        assert (lookup.status_code, lookup.json()) == (200, {"status": "succeeded"})
        assert held(client, FUNDED) == 1_500
