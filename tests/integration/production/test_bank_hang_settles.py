"""A bank that charges but answers too late: 202 Pending, then Authorized by the settlement.

The hanging bank records and charges every payment, then holds its answer for 3 s; the
gateway gives up after 0.5 s (PAYGATE_BANK_TIMEOUT) and answers 202 Pending. Its settlement
sweep (every 0.2 s, for payments older than PAYGATE_SETTLE_AFTER=3 s) looks the payment up
on the bank by its id and settles it; a GET then shows Authorized, charged exactly once.
"""

from __future__ import annotations

import httpx
import pytest

from tests.integration.production.card_secrets import BANK_HANG_CARD
from tests.integration.production.clients import (
    access_token,
    auth,
    eventually,
    payment_body,
    usd_balance,
)
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration

AMOUNT = 2468


def test_a_hung_bank_call_is_pending_then_settles_as_authorized(
    production: Production,
) -> None:
    url, bank_url = production.hanging_gateway.url, production.hanging_bank.url
    headers = auth(access_token(url, production.merchant), "hang-1")
    balance_before = usd_balance(bank_url, BANK_HANG_CARD)

    body = payment_body(BANK_HANG_CARD, AMOUNT, "order-hang")
    answer = httpx.post(f"{url}/v1/payments", json=body, headers=headers, timeout=30)
    assert answer.status_code == 202, answer.text
    pending = answer.json()
    assert pending["status"] == "Pending"
    assert pending["authorization_code"] is None

    def settled() -> dict[str, object] | None:
        """GET /v1/payments/{id} shows a final status"""
        fetched = httpx.get(f"{url}/v1/payments/{pending['id']}", headers=headers, timeout=30)
        assert fetched.status_code == 200, fetched.text
        return fetched.json() if fetched.json()["status"] != "Pending" else None

    final = eventually(settled, seconds=60)
    assert final["status"] == "Authorized"
    assert final["id"] == pending["id"] and final["amount"] == AMOUNT

    recorded = httpx.get(f"{bank_url}/payments/{pending['id']}", timeout=30).json()
    assert recorded["authorized"] is True
    assert recorded["authorization_code"] == final["authorization_code"]
    assert usd_balance(bank_url, BANK_HANG_CARD) == balance_before - AMOUNT

    # The first answer, replayed, stays the 202 it was; the resource shows the outcome.
    replay = httpx.post(f"{url}/v1/payments", json=body, headers=headers, timeout=30)
    assert replay.status_code == 202 and replay.headers["idempotent-replayed"] == "true"
