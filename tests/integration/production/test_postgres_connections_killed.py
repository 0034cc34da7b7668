"""Every PostgreSQL session of the gateways is terminated while they run (a failover).

A unit of work retries its first statement once on a fresh connection when the one it was
given is dead, so the very next payments, retrievals and logins must all succeed without
a restart. Each request chosen reaches the database (a new payment, an id no cache knows,
a login). /ready must answer 200 again by itself.
"""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.integration.production.card_secrets import POSTGRES_KILL_CARD
from tests.integration.production.clients import (
    Merchant,
    access_token,
    auth,
    eventually,
    payment_body,
)
from tests.integration.production.services import terminate_backends
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration


def database_requests(url: str, merchant: Merchant, token: str, n: int) -> list[str]:
    """One round of requests that all reach PostgreSQL; what went wrong, if anything."""
    headers = auth(token, f"after-kill-{url}-{n}")
    body = payment_body(POSTGRES_KILL_CARD, 500 + n, f"order-kill-{n}")
    problems = []
    created = httpx.post(f"{url}/v1/payments", json=body, headers=headers, timeout=30)
    if created.status_code != 201 or created.json()["status"] != "Authorized":
        problems.append(f"{url} POST: {created.status_code} {created.text}")
    else:  # read back (from the cache: the unknown id below is what reaches the database)
        fetched = httpx.get(f"{url}/v1/payments/{created.json()['id']}", headers=headers)
        if fetched.status_code != 200 or fetched.json() != created.json():
            problems.append(f"{url} GET: {fetched.status_code} {fetched.text}")
    unknown = httpx.get(f"{url}/v1/payments/{uuid.uuid4()}", headers=headers, timeout=30)
    if unknown.status_code != 404:
        problems.append(f"{url} GET unknown: {unknown.status_code} {unknown.text}")
    login = httpx.post(
        f"{url}/v1/auth/generate_access_token",
        json={"email": merchant.email, "api_key": merchant.api_key},
        timeout=30,
    )
    if login.status_code != 200:
        problems.append(f"{url} login: {login.status_code} {login.text}")
    return problems


def ready(url: str) -> bool:
    """/ready answers 200"""
    return httpx.get(f"{url}/ready", timeout=30).status_code == 200


def test_requests_succeed_right_after_every_connection_is_killed(
    production: Production,
) -> None:
    merchant = production.merchant
    urls = [production.single.url, production.workers.url]
    tokens = {url: access_token(url, merchant) for url in urls}
    assert database_requests(urls[0], merchant, tokens[urls[0]], 0) == []

    for kill in range(1, 3):
        killed = terminate_backends(production.database_url)
        assert killed >= 2  # the gateways' pools hold at least two connections each
        problems = [
            problem
            for n, url in enumerate(urls)
            for problem in database_requests(url, merchant, tokens[url], 10 * kill + n)
        ]
        assert problems == []
        for url in urls:
            eventually(lambda url=url: ready(url), seconds=30)


def test_ready_answers_200_right_after_every_connection_is_killed(
    production: Production,
) -> None:
    url = production.single.url
    assert ready(url)
    terminate_backends(production.database_url)
    assert ready(url)
