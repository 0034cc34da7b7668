"""Rate limits over HTTP (API.md section 10): a merchant's burst gets 429s with Retry-After
and RateLimit-* headers; failed sign-ins lock an address or an email, the right key too."""

from __future__ import annotations

import asyncio

import pytest

from paycore.rate_limit import RateLimit
from tests.integration.http.conftest import log_in, make_container, payment_body, register

LOGIN = "/v1/auth/generate_access_token"


@pytest.fixture
def container(database, bank, clock):
    return make_container(database, bank, clock, rate_limit=_rate("5/min"))


def _rate(text: str) -> RateLimit:
    return RateLimit.parse(text)


async def test_a_burst_past_the_limit_gets_429s_with_headers(client, auth, container) -> None:
    answers = await asyncio.gather(
        *(client.get("/v1/payments", headers=auth) for _ in range(5)),
        client.post("/v1/payments", json=payment_body(), headers=auth),
        client.get("/v1/payments/x", headers=auth),
    )

    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] * 5 + [429, 429]
    limited = next(a for a in answers if a.status_code == 429)
    assert limited.headers["content-type"] == "application/problem+json"
    assert limited.json()["type"] == "urn:paygate:problem:rate-limited"
    assert limited.headers["retry-after"] == "12"  # 5/min: one more every 12 s
    assert limited.headers["ratelimit-limit"] == "5"
    assert limited.headers["ratelimit-remaining"] == "0"
    assert int(limited.headers["ratelimit-reset"]) == 60
    remaining = sorted(int(a.headers["ratelimit-remaining"]) for a in answers)
    assert remaining == [0, 0, 0, 1, 2, 3, 4]
    # Another merchant has a budget of its own; the key routes are not limited.
    other = await log_in(client, await register(container, "other@example.com"))
    other = {"Authorization": f"Bearer {other['access']['token']}"}
    assert (await client.get("/v1/payments", headers=other)).status_code == 200
    keys = await client.get("/v1/api_keys", headers=auth)
    assert keys.status_code == 200 and "ratelimit-limit" not in keys.headers


async def test_retrievals_spend_the_budget_whether_found_cached_or_malformed(client, auth) -> None:
    created = await client.post("/v1/payments", json=payment_body(), headers=auth)
    path = f"/v1/payments/{created.json()['id']}"
    answers = [
        await client.get(path, headers=auth),  # cached by the payment's own write
        await client.get("/v1/payments/not-a-uuid", headers=auth),
        await client.get("/v1/payments/01a233b0-374e-7527-9a5c-a36dfe74f5fb", headers=auth),
        await client.get(path.upper().replace("/V1/PAYMENTS/", "/v1/payments/"), headers=auth),
        await client.get(path, headers=auth),
        await client.get("/v1/payments/not-a-uuid", headers=auth),
    ]

    assert [a.status_code for a in answers] == [200, 404, 404, 200, 429, 429]
    assert [a.headers["ratelimit-remaining"] for a in answers] == ["3", "2", "1", "0", "0", "0"]
    assert answers[3].json() == answers[0].json() == created.json()


async def test_a_brute_force_is_stopped_and_the_right_key_refused_meanwhile(
    client, merchant, clock
) -> None:
    email = merchant.merchant.email
    wrong = [
        await client.post(LOGIN, json={"email": email, "api_key": f"sk_{n}"}) for n in range(10)
    ]
    right = await client.post(LOGIN, json={"email": email, "api_key": merchant.api_key})
    guess = await client.post(LOGIN, json={"email": email, "api_key": "sk_11"})

    assert [a.status_code for a in wrong] == [401] * 10
    assert [a.headers["ratelimit-remaining"] for a in wrong][-2:] == ["1", "0"]
    assert right.status_code == guess.status_code == 429
    assert right.json() == {
        "success": False,
        "message": "too many requests; retry after the Retry-After header's seconds",
    }
    assert right.headers["retry-after"] == "6" and right.headers["ratelimit-limit"] == "10"
    assert right.headers["cache-control"] == "no-store"


async def test_failures_for_many_emails_lock_their_address(client, merchant) -> None:
    for n in range(10):
        failed = await client.post(LOGIN, json={"email": f"n{n}@example.com", "api_key": "sk_x"})
        assert failed.status_code == 401

    right = await client.post(
        LOGIN, json={"email": merchant.merchant.email, "api_key": merchant.api_key}
    )
    refresh = await client.post("/v1/auth/refresh", json={"token": "x"})

    assert right.status_code == refresh.status_code == 429


async def test_successful_sign_ins_spend_nothing(client, merchant) -> None:
    login = {"email": merchant.merchant.email, "api_key": merchant.api_key}
    answers = [await client.post(LOGIN, json=login) for _ in range(15)]
    assert {a.status_code for a in answers} == {200}
    assert answers[-1].headers["ratelimit-remaining"] == "10"


async def test_concurrent_guesses_cannot_slip_past_the_budget(client, merchant) -> None:
    email = merchant.merchant.email
    guesses = await asyncio.gather(
        *(client.post(LOGIN, json={"email": email, "api_key": f"sk_{n}"}) for n in range(30))
    )
    assert sorted(g.status_code for g in guesses) == [401] * 10 + [429] * 20
