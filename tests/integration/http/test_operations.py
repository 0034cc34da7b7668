"""Health, readiness, docs, request ids and hostile input: never a 5xx."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from litestar.testing import AsyncTestClient

from entrypoints.runtime.gateway_app import gateway_app
from paycore.bank import Authorized, Unknown
from tests.integration.http.conftest import log_in, make_container, payment_body, register


async def test_health_is_ok(client) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_follows_the_database(client, database) -> None:
    assert (await client.get("/ready")).status_code == 200

    database.healthy = False

    assert (await client.get("/ready")).status_code == 503


async def test_metrics_count_requests_by_route_and_payments_by_status(client, auth) -> None:
    await client.post("/v1/payments", json=payment_body(), headers=auth)
    await client.get("/v1/payments/01900000-0000-7000-8000-000000000000", headers=auth)

    response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'paygate_payments_total{status="Authorized"} 1.0' in text
    assert 'route="/v1/payments/{payment_id}",status="404"' in text


async def test_swagger_redirects_to_the_ui(client) -> None:
    response = await client.get("/swagger", follow_redirects=False)

    assert response.status_code in {301, 302, 307, 308}
    assert response.headers["location"] == "/schema/swagger"
    assert (await client.get("/schema/swagger")).status_code == 200


async def test_openapi_documents_every_route(client) -> None:
    schema = (await client.get("/schema/openapi.json")).json()

    assert set(schema["paths"]) >= {
        "/v1/payments",
        "/v1/payments/{payment_id}",
        "/v1/process-payment",
        "/v1/get-payment",
        "/v1/auth/generate_access_token",
        "/v1/auth/refresh",
        "/health",
        "/ready",
    }
    post = schema["paths"]["/v1/payments"]["post"]
    assert (
        "card_number" in post["requestBody"]["content"]["application/json"]["schema"]["properties"]
    )


@pytest.mark.parametrize("path", ["/health", "/no-such-route", "/v1/payments/x"])
async def test_request_id_is_echoed_everywhere(client, path) -> None:
    response = await client.get(path, headers={"X-Request-ID": "req-42"})

    assert response.headers["x-request-id"] == "req-42"


async def test_request_id_is_generated_when_missing_or_insane(client) -> None:
    missing = await client.get("/health")
    insane = await client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"})

    assert len(missing.headers["x-request-id"]) >= 16
    assert insane.headers["x-request-id"] != "bad id\twith spaces"
    assert missing.headers["x-request-id"] != insane.headers["x-request-id"]


async def test_huge_body_is_413(client, auth) -> None:
    response = await client.post("/v1/payments", content=b"{" + b" " * 10_000_000, headers=auth)

    assert response.status_code == 413
    assert "x-request-id" in response.headers


@pytest.mark.parametrize(
    "raw",
    [b"{broken", b"", b"\xff\xfe{}", b'{"card_number": "\xff"}', b"[1, 2]", b"null", b'"text"'],
)
async def test_unreadable_bodies_are_400(client, auth, raw) -> None:
    response = await client.post(
        "/v1/payments", content=raw, headers={**auth, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "overrides",
    [
        {"amount": 10**400},
        {"amount": 1e308},
        {"amount": -(10**30)},
        {"expiry_year": 10**50, "expiry_month": -(10**50)},
        {"card_number": "4" * 10_000},
        {"cvv": True, "amount": False, "currency": None},
        {"reference": {"nested": [1, 2, {"x": None}]}},
        {"card_number": "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"},
    ],
)
async def test_hostile_values_are_400_not_500(client, auth, overrides) -> None:
    response = await client.post("/v1/payments", json=payment_body(**overrides), headers=auth)

    assert response.status_code == 400


async def test_legacy_hostile_amounts_are_400(client, auth) -> None:
    for amount in ("NaN", "Infinity", "1e999999", "12,50", 1e308, "   "):
        body = {
            "card_number": "4111111111111111",
            "exp_month": 1,
            "exp_year": 2031,
            "cvv": "123",
            "amount": amount,
            "currency": "USD",
        }
        response = await client.post("/v1/process-payment", json=body, headers=auth)
        assert response.status_code == 400, amount


async def test_wrong_method_is_a_4xx(client) -> None:
    response = await client.delete("/v1/payments")

    assert response.status_code == 405


async def test_background_sweep_settles_pending_payments(database, bank, clock) -> None:
    container = make_container(database, bank, clock, settle_interval=0.02)
    bank.script.append(Unknown())
    async with AsyncTestClient(gateway_app(container)) as client:
        auth_token = (await log_in(client, await register(container, "bg@example.com")))["access"]
        headers = {"Authorization": f"Bearer {auth_token['token']}"}
        created = await client.post("/v1/payments", json=payment_body(), headers=headers)
        assert created.status_code == 202
        payment_id = created.json()["id"]
        bank.answers[payment_id] = Authorized("late")
        clock.advance(timedelta(minutes=5))

        status = "Pending"
        for _ in range(500):  # a bounded wait for the sweep, not a timing assertion
            status = (await client.get(f"/v1/payments/{payment_id}", headers=headers)).json()[
                "status"
            ]
            if status != "Pending":
                break
            await asyncio.sleep(0.02)

    assert status == "Authorized"
