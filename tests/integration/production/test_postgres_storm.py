"""A stream of payments without idempotency keys while every PostgreSQL session of the
gateway is terminated again and again (a failover storm).

Afterwards: no answer was a 500; every answer that names a payment names one that exists;
an answer that names none is the 503 "storage unavailable" with Retry-After, and nothing was
charged for it; once settlement has run, the bank's charges equal the Authorized payments,
and every charged payment's id was told to its client (a keyless client never pays twice
unknowingly).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.integration.production.card_secrets import STORM_CARD
from tests.integration.production.clients import (
    access_token,
    auth,
    eventually,
    payment_body,
    usd_balance,
)
from tests.integration.production.processes import Service
from tests.integration.production.services import query, terminate_backends
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration
PAYMENTS = 160
CLIENTS = 6
REFERENCE = "storm-"


@pytest.fixture(scope="module")
def storm_gateway(production: Production) -> Iterator[Service]:
    """A gateway of its own that settles quickly (its bank answers at once)."""
    env = production.place.env(
        production.bank.url,
        bank_timeout="0.5",
        bank_retries="0",
        settle_interval="0.2",
        settle_after="3",
    )
    gateway = production.place.gateway("gateway-storm", env)
    try:
        yield gateway.wait_healthy()
    finally:
        gateway.stop()


def pay(url: str, token: str, n: int) -> tuple[int, dict[str, Any], dict[str, str]]:
    body = payment_body(STORM_CARD, 100 + n, f"{REFERENCE}{n}")
    response = httpx.post(f"{url}/v1/payments", json=body, headers=auth(token), timeout=30)
    return response.status_code, response.json(), dict(response.headers)


def test_no_500_and_no_untold_charge_through_a_failover_storm(
    production: Production, storm_gateway: Service
) -> None:
    url, db = storm_gateway.url, production.database_url
    token = access_token(url, production.merchant)
    balance_before = usd_balance(production.bank.url, STORM_CARD)
    done = threading.Event()
    kills = 0

    def keep_killing() -> None:
        nonlocal kills
        while not done.wait(0.05):
            terminate_backends(db)
            kills += 1

    killer = threading.Thread(target=keep_killing, daemon=True)
    killer.start()
    try:
        with ThreadPoolExecutor(CLIENTS) as clients:
            answers = list(clients.map(lambda n: pay(url, token, n), range(PAYMENTS)))
    finally:
        done.set()
        killer.join()

    assert kills >= 5
    statuses = [status for status, _, _ in answers]
    print(f"{kills} kills; answers by status: {sorted(Counter(statuses).items())}")
    assert 500 not in statuses, [a for a in answers if a[0] == 500]
    told: set[str] = set()
    for status, body, headers in answers:
        assert status in (201, 202, 400, 401, 502, 503), (status, body)
        if status in (201, 202):
            told.add(body["id"])
        elif status in (502, 503) and body.get("payment_id"):
            told.add(body["payment_id"])
        elif status == 503:
            assert body["type"] == "urn:paygate:problem:storage-unavailable", body
            assert headers["retry-after"] == "1"
    assert told, "not one payment got through the storm"
    rows = dict(
        query(
            db, "SELECT id::text, status FROM payments WHERE reference LIKE %s", (f"{REFERENCE}%",)
        )
    )
    assert told <= rows.keys()  # every payment named to a client exists

    def settled() -> dict[str, str] | None:
        """every payment of the storm has settled"""
        now = dict(
            query(
                db,
                "SELECT id::text, status FROM payments WHERE reference LIKE %s",
                (f"{REFERENCE}%",),
            )
        )
        return now if "Pending" not in now.values() else None

    final = eventually(settled, seconds=60)
    authorized = {pid for pid, status in final.items() if status == "Authorized"}
    charged = balance_before - usd_balance(production.bank.url, STORM_CARD)
    amounts = dict(
        query(
            db, "SELECT id::text, amount FROM payments WHERE reference LIKE %s", (f"{REFERENCE}%",)
        )
    )
    assert charged == sum(amounts[pid] for pid in authorized)
    assert authorized <= told  # nobody was charged without being told the payment's id
