"""Capture, void and refund through real `serve` processes, PostgreSQL and the simulator.

The simulator's funded accounts follow the money (an authorization holds it, a capture
settles it, a void releases the hold, a refund gives it back), so its balances prove what
the bank applied, and that nothing was applied twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.integration.production.card_secrets import (
    BANK_HANG_CARD,
    CONCURRENT_REFUNDS_CARD,
    LIFECYCLE_CARD,
)
from tests.integration.production.clients import (
    MerchantCreation,
    access_token,
    auth,
    eventually,
    payment_body,
)
from tests.integration.production.processes import Service, start_all, stop_all
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration


def account(bank_url: str, card: str) -> tuple[int, int]:
    """The card's (available, held) USD balance at the simulator."""
    answer = httpx.get(f"{bank_url}/accounts/{card}", timeout=30)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return int(body["balances"].get("USD", 0)), int(body.get("held", {}).get("USD", 0))


def authorize(url: str, headers: dict[str, str], card: str, amount: int) -> dict[str, Any]:
    answer = httpx.post(
        f"{url}/v1/payments", json=payment_body(card, amount), headers=headers, timeout=30
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == "Authorized"
    return dict(answer.json())


def act(
    url: str, headers: dict[str, str], payment_id: str, action: str, **body: Any
) -> httpx.Response:
    return httpx.post(
        f"{url}/v1/payments/{payment_id}/{action}", json=body or None, headers=headers, timeout=30
    )


def test_authorize_capture_half_refund_a_quarter_void_another_moves_exactly_that(
    production: Production,
) -> None:
    url, bank = production.single.url, production.bank.url
    headers = auth(access_token(url, production.merchant))
    available, held = account(bank, LIFECYCLE_CARD)

    first = authorize(url, headers, LIFECYCLE_CARD, 10_000)
    assert account(bank, LIFECYCLE_CARD) == (available - 10_000, held + 10_000)

    captured = act(url, headers, first["id"], "captures", amount=5_000)
    assert captured.status_code == 201, captured.text
    assert captured.json()["status"] == "PartiallyCaptured"
    assert captured.json()["captured_amount"] == 5_000

    refunded = act(url, headers, first["id"], "refunds", amount=2_500)
    assert refunded.status_code == 201, refunded.text
    assert refunded.json()["refunded_amount"] == 2_500
    # A refund of a partially captured payment ends capturing: the rest is released.
    assert act(url, headers, first["id"], "captures", amount=1).status_code == 409

    second = authorize(url, headers, LIFECYCLE_CARD, 3_000)
    voided = act(url, headers, second["id"], "voids")
    assert voided.status_code == 201, voided.text
    assert voided.json()["status"] == "Voided"

    # Of 13,000 authorized: 5,000 collected, 2,500 of it given back, the rest released.
    assert account(bank, LIFECYCLE_CARD) == (available - 2_500, held)
    kept = httpx.get(f"{url}/v1/payments/{first['id']}", headers=headers, timeout=30).json()
    assert [a["type"] for a in kept["actions"]] == ["capture", "refund"]
    assert all(a["status"] == "Succeeded" for a in kept["actions"])


def test_a_capture_replayed_by_its_key_is_applied_once(production: Production) -> None:
    url, bank = production.workers.url, production.bank.url
    headers = auth(access_token(url, production.merchant))
    payment = authorize(url, headers, LIFECYCLE_CARD, 4_000)
    available, held = account(bank, LIFECYCLE_CARD)
    keyed = {**headers, "Idempotency-Key": f"capture-{payment['id']}"}

    answers = [act(url, keyed, payment["id"], "captures", amount=1_000) for _ in range(3)]

    assert [a.status_code for a in answers] == [201, 201, 201]
    assert answers[1].headers.get("idempotent-replayed") == "true"
    assert len({a.json()["actions"][-1]["id"] for a in answers}) == 1
    assert account(bank, LIFECYCLE_CARD) == (available, held - 1_000)


async def test_ten_concurrent_refunds_never_give_back_more_than_was_captured(
    production: Production,
) -> None:
    urls = [production.single.url, production.workers.url]
    bank = production.bank.url
    headers = auth(access_token(urls[0], production.merchant))
    payment = authorize(urls[0], headers, CONCURRENT_REFUNDS_CARD, 10_000)
    assert act(urls[0], headers, payment["id"], "captures").status_code == 201
    available, _ = account(bank, CONCURRENT_REFUNDS_CARD)

    async with httpx.AsyncClient(timeout=60) as client:
        answers = await asyncio.gather(
            *(
                client.post(
                    f"{urls[n % 2]}/v1/payments/{payment['id']}/refunds",
                    json={"amount": 3_000},
                    headers={**headers, "Idempotency-Key": f"refund-{n}"},
                )
                for n in range(10)
            )
        )

        final = await client.get(f"{urls[1]}/v1/payments/{payment['id']}", headers=headers)

    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {201, 409, 422}, [(a.status_code, a.text) for a in answers]
    succeeded = statuses.count(201)
    assert 1 <= succeeded <= 3  # 3 x 3,000 fit in 10,000; a fourth never does
    assert final.json()["refunded_amount"] == 3_000 * succeeded
    # The bank applied exactly the refunds that succeeded, each once.
    assert account(bank, CONCURRENT_REFUNDS_CARD)[0] == available + 3_000 * succeeded


def test_a_capture_the_bank_answers_too_late_is_pending_then_settles(
    production: Production,
) -> None:
    url = production.hanging_gateway.url
    headers = auth(access_token(url, production.merchant))
    created = httpx.post(
        f"{url}/v1/payments", json=payment_body(BANK_HANG_CARD, 1_357), headers=headers, timeout=30
    )
    assert created.status_code == 202, created.text
    payment_id = created.json()["id"]

    def status(wanted: str) -> dict[str, Any] | None:
        body = httpx.get(f"{url}/v1/payments/{payment_id}", headers=headers, timeout=30).json()
        return body if body["status"] == wanted else None

    eventually(lambda: status("Authorized"), seconds=60)
    captured = act(url, headers, payment_id, "captures")
    assert captured.status_code == 202, captured.text
    assert captured.json()["actions"][-1]["status"] == "Pending"
    assert captured.json()["status"] == "Authorized"  # unchanged while the capture is Pending

    final = eventually(lambda: status("Captured"), seconds=60)
    assert final["captured_amount"] == 1_357
    assert final["actions"][-1]["status"] == "Succeeded"


@pytest.fixture
def expiring_and_failing(production: Production) -> Iterator[tuple[Service, Service]]:
    """Two more gateways on the package's database: one expiring authorizations after 1 s
    (sweeping every 0.2 s), one whose bank answers every request 503."""
    place = production.place
    down_bank = place.banksim("bank-always-503", "--fail-rate", "1.0")
    expiring = place.gateway(
        "gateway-expiring",
        place.env(production.bank.url, authorization_ttl="1", settle_interval="0.2"),
    )
    started = [down_bank, expiring]
    try:
        start_all([down_bank])
        failing = place.gateway("gateway-bank-down", place.env(down_bank.url, bank_retries="0"))
        started.append(failing)
        start_all([expiring, failing])
        yield expiring, failing
    finally:
        stop_all(started[::-1])


def test_a_refund_the_bank_cannot_take_fails_and_changes_nothing_then_expiry(
    production: Production, expiring_and_failing: tuple[Service, Service]
) -> None:
    expiring, failing = expiring_and_failing
    url, bank = production.single.url, production.bank.url
    headers = auth(access_token(url, production.merchant))
    payment = authorize(url, headers, LIFECYCLE_CARD, 2_000)
    assert act(url, headers, payment["id"], "captures").status_code == 201
    available, held = account(bank, LIFECYCLE_CARD)

    refused = act(failing.url, headers, payment["id"], "refunds", amount=500)
    assert refused.status_code in (502, 503), refused.text
    after = httpx.get(f"{url}/v1/payments/{payment['id']}", headers=headers, timeout=30).json()
    assert after["status"] == "Captured" and after["refunded_amount"] == 0
    assert after["actions"][-1]["type"] == "refund"
    assert after["actions"][-1]["status"] == "Failed"
    assert account(bank, LIFECYCLE_CARD) == (available, held)

    # An authorization nobody captures expires (PAYGATE_AUTHORIZATION_TTL=1 s here);
    # the captured payment above does not.
    waiting = authorize(expiring.url, headers, LIFECYCLE_CARD, 700)

    def expired() -> dict[str, Any] | None:
        """the uncaptured authorization shows Expired"""
        body = httpx.get(f"{url}/v1/payments/{waiting['id']}", headers=headers, timeout=30).json()
        return body if body["status"] == "Expired" else None

    eventually(expired, seconds=30)
    kept = httpx.get(f"{url}/v1/payments/{payment['id']}", headers=headers, timeout=30).json()
    assert kept["status"] == "Captured"
    assert act(url, headers, waiting["id"], "captures").status_code == 409


def test_the_limits_and_illegal_moves_answer_422_and_409_and_another_merchant_404(
    production: Production,
) -> None:
    url = production.workers.url
    headers = auth(access_token(url, production.merchant))
    payment = authorize(url, headers, LIFECYCLE_CARD, 1_000)

    assert act(url, headers, payment["id"], "refunds", amount=1).status_code == 409
    assert act(url, headers, payment["id"], "captures", amount=1_001).status_code == 422
    assert act(url, headers, payment["id"], "captures", amount=600).status_code == 201
    assert act(url, headers, payment["id"], "captures", amount=400).status_code == 201
    over = act(url, headers, payment["id"], "captures", amount=1)
    assert over.status_code == 409  # fully captured: no capture is legal any more
    assert act(url, headers, payment["id"], "voids").status_code == 409
    assert act(url, headers, payment["id"], "refunds", amount=1_000).status_code == 201
    assert act(url, headers, payment["id"], "refunds", amount=1).status_code == 409

    other = MerchantCreation(
        production.place.env(), f"other-{payment['id'][:8]}@example.com", production.place.folder
    ).result()
    theirs = auth(access_token(url, other))
    assert act(url, theirs, payment["id"], "refunds", amount=1).status_code == 404
