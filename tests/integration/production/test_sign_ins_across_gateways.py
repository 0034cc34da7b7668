"""A process remembers a login it found signed in for PAYGATE_AUTH_CACHE_SECONDS (1 s by
default) instead of reading the database on every request; a login revoked, or a merchant
removed, through another process must still be refused within that bound.

`single` and `workers` are two `serve` processes (three processes answering) on one
PostgreSQL database: what one of them revokes, the others learn only from the database.
"""

from __future__ import annotations

import secrets
import time

import httpx
import psycopg
import pytest

from tests.integration.production.clients import Merchant, MerchantCreation
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration

BOUND = 1.0  # the default PAYGATE_AUTH_CACHE_SECONDS
# What the slowest answer of a loaded CI machine may add on top of the bound.
SLACK = 1.0


def sign_in(base_url: str, merchant: Merchant) -> dict[str, str]:
    login = httpx.post(
        f"{base_url}/v1/auth/generate_access_token",
        json={"email": merchant.email, "api_key": merchant.api_key},
        timeout=30,
    )
    assert login.status_code == 200, login.text
    pair = login.json()["data"]["token"]
    return {"access": pair["access"]["token"], "refresh": pair["refresh"]["token"]}


def list_status(base_url: str, access: str) -> int:
    answer = httpx.get(
        f"{base_url}/v1/payments?limit=1",
        headers={"Authorization": f"Bearer {access}"},
        timeout=30,
    )
    return answer.status_code


def seconds_until_refused(urls: list[str], access: str) -> float:
    """How long after now every process of `urls` refuses the token (polling each)."""
    began = time.monotonic()
    pending = set(urls)
    while pending and time.monotonic() - began < 30:
        pending = {url for url in pending if list_status(url, access) != 401}
        time.sleep(0.02)
    assert not pending, f"still let in after 30 s: {pending}"
    return time.monotonic() - began


def remembered_everywhere(urls: list[str], access: str) -> None:
    # Several requests each, so each worker of `workers` has most likely seen the login.
    for _ in range(6):
        assert all(list_status(url, access) == 200 for url in urls)


def test_a_login_revoked_by_one_gateway_is_refused_by_the_other_within_the_bound(
    production: Production,
) -> None:
    single, workers = production.single.url, production.workers.url
    first = sign_in(single, production.merchant)
    rotated = httpx.post(f"{single}/v1/auth/refresh", json={"token": first["refresh"]}, timeout=30)
    assert rotated.status_code == 200, rotated.text
    access = rotated.json()["data"]["token"]["access"]["token"]
    remembered_everywhere([single, workers], access)

    reuse = httpx.post(f"{single}/v1/auth/refresh", json={"token": first["refresh"]}, timeout=30)
    assert reuse.status_code == 401  # a reuse revokes the whole login
    assert list_status(single, access) == 401  # the revoking process forgets at once

    assert seconds_until_refused([workers], access) <= BOUND + SLACK


def test_a_merchant_removed_from_the_database_is_refused_within_the_bound(
    production: Production,
) -> None:
    email = f"leaving-{secrets.token_hex(4)}@example.com"
    merchant = MerchantCreation(production.place.env(), email, production.place.folder).result()
    urls = [production.single.url, production.workers.url]
    access = sign_in(urls[0], merchant)["access"]
    remembered_everywhere(urls, access)

    with psycopg.connect(production.database_url, autocommit=True) as conn:
        conn.execute("DELETE FROM merchants WHERE id = %s", (merchant.merchant_id,))

    assert seconds_until_refused(urls, access) <= BOUND + SLACK
