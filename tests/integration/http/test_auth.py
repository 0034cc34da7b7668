"""Tokens (API.md section 2): login, refresh rotation and reuse, and every 401."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt
import pytest

from tests.integration.http.conftest import JWT_SECRET, payment_body

INVALID = {"success": False, "message": "invalid credentials"}
LOGIN = "/v1/auth/generate_access_token"


async def test_login_returns_an_access_and_a_refresh_token(client, merchant) -> None:
    response = await client.post(
        LOGIN, json={"Email": merchant.merchant.email, "api_key": merchant.api_key}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    for kind in ("access", "refresh"):
        assert body["data"]["token"][kind]["token"].count(".") == 2
        assert body["data"]["token"][kind]["expires"].endswith("Z")


async def test_unknown_email_and_wrong_key_look_the_same(client, merchant) -> None:
    wrong_key = await client.post(
        LOGIN, json={"email": merchant.merchant.email, "api_key": "pk_wrong"}
    )
    unknown = await client.post(LOGIN, json={"email": "nobody@example.com", "api_key": "pk_x"})

    assert wrong_key.status_code == unknown.status_code == 401
    assert wrong_key.json() == unknown.json() == INVALID


async def test_missing_login_fields_are_400(client) -> None:
    response = await client.post(LOGIN, json={"email": "a@example.com"})

    assert response.status_code == 400
    assert response.json()["success"] is False
    assert [e["field"] for e in response.json()["errors"]] == ["api_key"]


async def test_both_header_styles_are_accepted(client, tokens) -> None:
    access = tokens["access"]["token"]
    for headers in ({"Authorization": f"Bearer {access}"}, {"Bearer-Token": access}):
        response = await client.post("/v1/payments", json=payment_body(), headers=headers)
        assert response.status_code == 201


def forged(claims: dict[str, Any], key: str = JWT_SECRET, algorithm: str = "HS256") -> str:
    base = {"iss": "paygate", "aud": "paygate-merchants", "typ": "access", "jti": "j"}
    return jwt.encode({**base, **claims}, key, algorithm=algorithm)


def times(clock, start: int = 0, lifetime: int = 900) -> dict[str, int]:
    now = int(clock.now().timestamp())
    return {"iat": now + start, "nbf": now + start, "exp": now + start + lifetime}


@pytest.mark.parametrize(
    "case", ["missing", "garbage", "alg_none", "tampered", "wrong_key", "not_yet_valid", "refresh"]
)
async def test_bad_tokens_are_401_problems(client, tokens, merchant, clock, case) -> None:
    sub = merchant.merchant.id
    access = tokens["access"]["token"]
    token = {
        "missing": None,
        "garbage": "not.a.jwt",
        "alg_none": jwt.encode({"sub": sub, **times(clock)}, None, algorithm="none"),
        "tampered": access[:-4] + ("AAAA" if not access.endswith("AAAA") else "BBBB"),
        "wrong_key": forged({"sub": sub, **times(clock)}, key="k" * 40),
        "not_yet_valid": forged({"sub": sub, **times(clock, start=600)}),
        "refresh": tokens["refresh"]["token"],
    }[case]
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}

    response = await client.post("/v1/payments", json=payment_body(), headers=headers)

    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_expired_access_token_is_401(client, auth, clock) -> None:
    clock.advance(timedelta(minutes=16))

    response = await client.get("/v1/payments/01900000-0000-7000-8000-000000000000", headers=auth)

    assert response.status_code == 401


async def test_deleted_merchants_token_is_401(client, auth, merchant, database) -> None:
    del database.merchants[merchant.merchant.id]

    response = await client.post("/v1/payments", json=payment_body(), headers=auth)

    assert response.status_code == 401


async def test_legacy_routes_answer_401_with_the_envelope(client) -> None:
    response = await client.get("/v1/get-payment?payment_id=x")

    assert response.status_code == 401
    assert response.json() == INVALID


async def test_refresh_rotates_and_returns_the_email(client, tokens, merchant) -> None:
    response = await client.post("/v1/auth/refresh", json={"Token": tokens["refresh"]["token"]})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["email"] == merchant.merchant.email
    assert data["token"]["refresh"]["token"] != tokens["refresh"]["token"]
    new_access = {"Authorization": f"Bearer {data['token']['access']['token']}"}
    assert (await client.post("/v1/payments", json=payment_body(), headers=new_access)).is_success


async def test_reusing_a_refresh_token_revokes_the_whole_login(client, tokens) -> None:
    first = await client.post("/v1/auth/refresh", json={"token": tokens["refresh"]["token"]})
    rotated = first.json()["data"]["token"]["refresh"]["token"]

    reuse = await client.post("/v1/auth/refresh", json={"token": tokens["refresh"]["token"]})
    descendant = await client.post("/v1/auth/refresh", json={"token": rotated})

    assert reuse.status_code == 401 and reuse.json() == INVALID
    assert descendant.status_code == 401


async def test_access_token_is_not_a_refresh_token(client, tokens) -> None:
    response = await client.post("/v1/auth/refresh", json={"token": tokens["access"]["token"]})

    assert response.status_code == 401


async def test_refresh_with_another_email_is_401(client, tokens) -> None:
    response = await client.post(
        "/v1/auth/refresh", json={"token": tokens["refresh"]["token"], "email": "x@example.com"}
    )

    assert response.status_code == 401


async def test_expired_refresh_token_is_401(client, tokens, clock) -> None:
    clock.advance(timedelta(days=8))

    response = await client.post("/v1/auth/refresh", json={"token": tokens["refresh"]["token"]})

    assert response.status_code == 401


async def test_refresh_without_a_token_is_400(client) -> None:
    response = await client.post("/v1/auth/refresh", json={"email": "a@example.com"})

    assert response.status_code == 400
