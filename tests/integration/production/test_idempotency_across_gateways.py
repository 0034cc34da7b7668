"""One Idempotency-Key, 50 concurrent requests, two `serve` processes on one PostgreSQL.

The gateways are `single` (one process) and `workers` (`--workers 2`): two separate serve
processes on two ports, three processes answering in all, sharing the database, Redis and
the bank. Exactly one payment may come out of it, and the bank may charge exactly once.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.integration.production.card_secrets import IDEMPOTENCY_CARD
from tests.integration.production.clients import access_token, auth, payment_body, usd_balance
from tests.integration.production.services import query
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration

REQUESTS = 50
AMOUNT = 4321  # no other payment of this package has this amount


async def test_one_key_across_two_gateways_makes_one_payment_and_one_charge(
    production: Production,
) -> None:
    bank, merchant = production.bank, production.merchant
    urls = [production.single.url, production.workers.url]
    headers = auth(access_token(urls[0], merchant), "one-key-for-fifty-requests")
    body = payment_body(IDEMPOTENCY_CARD, AMOUNT, "order-idempotent")
    balance_before = usd_balance(bank.url, IDEMPOTENCY_CARD)

    limits = httpx.Limits(max_connections=REQUESTS)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        answers = await asyncio.gather(
            *(
                client.post(f"{urls[n % 2]}/v1/payments", json=body, headers=headers)
                for n in range(REQUESTS)
            )
        )
        replay = await client.post(f"{urls[1]}/v1/payments", json=body, headers=headers)
        recorded = await client.get(f"{bank.url}/payments/{replay.json().get('id')}")

    statuses = sorted({answer.status_code for answer in answers})
    assert set(statuses) <= {201, 409}, [(a.status_code, a.text) for a in answers]
    created = [answer for answer in answers if answer.status_code == 201]
    originals = [a for a in created if a.headers.get("idempotent-replayed") != "true"]
    assert len(originals) == 1, "exactly one request ran; the others replayed or conflicted"
    payment = originals[0].json()
    assert payment["status"] == "Authorized"
    assert {answer.json()["id"] for answer in created} == {payment["id"]}
    assert all(a.json()["status"] == 409 for a in answers if a.status_code == 409)

    # Once the first request is done, every gateway replays it.
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == payment

    rows = query(
        production.database_url,
        "SELECT id::text FROM payments WHERE merchant_id = %s AND amount = %s",
        (merchant.merchant_id, AMOUNT),
    )
    assert rows == [(payment["id"],)]

    assert usd_balance(bank.url, IDEMPOTENCY_CARD) == balance_before - AMOUNT
    assert recorded.status_code == 200
    assert recorded.json()["authorized"] is True
    assert recorded.json()["authorization_code"] == payment["authorization_code"]
