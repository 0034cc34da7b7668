"""Concurrent load on one key, and on one balance, never charges more than once or than funded."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from tests.integration.banksim.support import Banksim, charge, running_banksim


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Banksim]:
    # A little latency keeps the requests overlapping inside the simulator.
    flags = ("--latency-ms", "20", "--jitter-ms", "20", "--seed", "5", "--log-level", "warning")
    with running_banksim(tmp_path_factory.mktemp("concurrency"), *flags) as running:
        yield running


async def _post_all(url: str, bodies_and_keys: list[tuple[dict[str, object], str]]) -> list:
    limits = httpx.Limits(max_connections=len(bodies_and_keys))
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        return await asyncio.gather(
            *(
                client.post("/payments", json=body, headers={"Idempotency-Key": key})
                for body, key in bodies_and_keys
            )
        )


def _balance(server: Banksim, card_number: str) -> int:
    return int(httpx.get(f"{server.url}/accounts/{card_number}").json()["balances"]["GBP"])


async def test_100_concurrent_requests_with_one_key_debit_once(server: Banksim) -> None:
    card = "2223003122003222"
    responses = await _post_all(server.url, [(charge(card, amount=1_000), "one-key")] * 100)
    assert {response.status_code for response in responses} == {200}
    codes = {response.json()["authorization_code"] for response in responses}
    assert len(codes) == 1 and codes != {""}
    assert _balance(server, card) == 5_000_000 - 1_000


async def test_concurrent_charges_never_overdraw_a_balance(server: Banksim) -> None:
    card = "371449635398431"  # GBP 50,000.00: room for exactly three charges of 30 %
    requests = [(charge(card, amount=1_500_000), f"split-{n}") for n in range(50)]
    answers = [response.json() for response in await _post_all(server.url, requests)]
    authorized = [answer for answer in answers if answer["authorized"]]
    refused = [answer for answer in answers if not answer["authorized"]]
    assert len(authorized) == 3
    assert {answer.get("decline_reason") for answer in refused} == {"insufficient_funds"}
    assert _balance(server, card) == 5_000_000 - 3 * 1_500_000
