"""An action's Idempotency-Key: applied once, replayed after, and looked up by GET /actions."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.integration.banksim.support import (
    Banksim,
    act,
    authorize,
    balance,
    held,
    running_banksim,
)

CARD = "4242424242424242"  # GBP 1,000,000.00


def key() -> str:
    return f"action-{uuid.uuid4()}"


def money(client: httpx.Client, card: str = CARD) -> tuple[int, int]:
    return balance(client, card), held(client, card)


@pytest.mark.parametrize(
    ("route", "amount", "moved"),
    [("captures", 300, (0, -300)), ("voids", None, (1_000, -1_000))],
)
def test_a_repeated_key_is_applied_once(
    client: httpx.Client, route: str, amount: int | None, moved: tuple[int, int]
) -> None:
    code = authorize(client, CARD, 1_000)
    available, holding = money(client)
    k = key()
    first = act(client, code, route, amount, k)
    assert first.status_code == 200
    for _ in range(3):
        again = act(client, code, route, amount, k)
        assert (again.status_code, again.content) == (first.status_code, first.content)
    assert money(client) == (available + moved[0], holding + moved[1])


def test_a_repeated_refund_key_gives_the_money_back_once(client: httpx.Client) -> None:
    code = authorize(client, CARD, 1_000)
    assert act(client, code, "captures", 1_000).status_code == 200
    available = balance(client, CARD)
    k = key()
    for _ in range(3):
        assert act(client, code, "refunds", 400, k).status_code == 200
    assert balance(client, CARD) == available + 400


def test_a_repeated_key_replays_a_refusal_even_once_it_would_succeed(
    client: httpx.Client,
) -> None:
    code = authorize(client, CARD, 1_000)
    k = key()
    refused = act(client, code, "refunds", 100, k)
    assert (refused.status_code, refused.json()["code"]) == (422, "nothing_captured")
    assert act(client, code, "captures", 1_000).status_code == 200
    replay = act(client, code, "refunds", 100, k)
    assert (replay.status_code, replay.content) == (422, refused.content)


def test_a_repeated_key_with_another_amount_still_gets_the_first_answer(
    client: httpx.Client,
) -> None:
    code = authorize(client, CARD, 1_000)
    holding = held(client, CARD)
    k = key()
    assert act(client, code, "captures", 100, k).status_code == 200
    assert act(client, code, "captures", 5_000, k).json() == {"status": "succeeded"}
    assert held(client, CARD) == holding - 100
    assert act(client, code, "captures", 900).status_code == 200  # all that was left


def test_lookup_returns_the_recorded_status_and_body(client: httpx.Client) -> None:
    code = authorize(client, CARD, 1_000)
    succeeded, refused = key(), key()
    act(client, code, "captures", 1_000, succeeded)
    refusal = act(client, code, "voids", key=refused)
    lookup = client.get(f"/actions/{succeeded}")
    assert (lookup.status_code, lookup.json()) == (200, {"status": "succeeded"})
    lookup = client.get(f"/actions/{refused}")
    assert (lookup.status_code, lookup.content) == (422, refusal.content)


def test_lookup_of_a_key_never_seen_is_a_404_with_a_code(client: httpx.Client) -> None:
    response = client.get(f"/actions/{key()}")
    assert response.status_code == 404
    assert response.json() == {"error_message": "unknown idempotency key", "code": "unknown_key"}


def test_an_unknown_authorization_applied_nothing_so_its_key_is_not_recorded(
    client: httpx.Client,
) -> None:
    k = key()
    assert act(client, str(uuid.uuid4()), "captures", 100, k).status_code == 404
    assert client.get(f"/actions/{k}").json()["code"] == "unknown_key"


def test_payment_and_action_keys_are_separate(client: httpx.Client) -> None:
    k = key()
    code = authorize(client, CARD, 1_000)
    assert act(client, code, "voids", key=k).status_code == 200
    assert client.get(f"/payments/{k}").json()["code"] == "unknown_key"


@pytest.fixture(scope="module")
def slow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Banksim]:
    # Latency keeps concurrent requests overlapping inside the simulator.
    flags = ("--latency-ms", "20", "--jitter-ms", "20", "--seed", "9", "--log-level", "warning")
    with running_banksim(tmp_path_factory.mktemp("slow"), *flags) as running:
        yield running


async def _send_all(url: str, code: str, route: str, requests: list[tuple[int, str]]) -> list:
    limits = httpx.Limits(max_connections=len(requests))
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        return await asyncio.gather(
            *(
                client.post(
                    f"/payments/{code}/{route}",
                    json={"amount": amount},
                    headers={"Idempotency-Key": idempotency_key},
                )
                for amount, idempotency_key in requests
            )
        )


@pytest.mark.parametrize("route", ["captures", "refunds"])
async def test_concurrent_requests_with_one_key_are_applied_once(slow: Banksim, route: str) -> None:
    card = "4000056655665556"
    with httpx.Client(base_url=slow.url) as client:
        code = authorize(client, card, 10_000)
        if route == "refunds":
            assert act(client, code, "captures", 10_000).status_code == 200
        before = money(client, card)
    responses = await _send_all(slow.url, code, route, [(1_000, f"one-{route}")] * 50)
    assert {(r.status_code, r.content) for r in responses} == {(200, b'{"status":"succeeded"}')}
    with httpx.Client(base_url=slow.url) as client:
        moved = (0, -1_000) if route == "captures" else (1_000, 0)
        assert money(client, card) == (before[0] + moved[0], before[1] + moved[1])


async def test_concurrent_captures_with_their_own_keys_never_exceed_the_authorization(
    slow: Banksim,
) -> None:
    card = "6011111111111117"
    with httpx.Client(base_url=slow.url) as client:
        code = authorize(client, card, 10_000)
    responses = await _send_all(slow.url, code, "captures", [(3_000, key()) for _ in range(20)])
    statuses = [response.status_code for response in responses]
    assert statuses.count(200) == 3 and statuses.count(422) == 17
    with httpx.Client(base_url=slow.url) as client:
        assert held(client, card) == 1_000
