"""Answers that carry payment data are never cached by a browser or a proxy."""

from __future__ import annotations

from tests.integration.http.conftest import legacy_body, payment_body


async def test_every_route_with_payment_data_says_no_store(client, auth) -> None:
    created = await client.post("/v1/payments", json=payment_body(), headers=auth)
    payment_id = created.json()["id"]
    legacy = await client.post("/v1/process-payment", json=legacy_body(), headers=auth)
    answers = [
        created,
        await client.get(f"/v1/payments/{payment_id}", headers=auth),
        await client.get("/v1/payments/unknown", headers=auth),  # a 404 says so too
        await client.post("/v1/payments", json=payment_body(amount=0), headers=auth),
        legacy,
        await client.get(f"/v1/get-payment?payment_id={payment_id}", headers=auth),
        events := await client.get("/v1/events", headers=auth),
        await client.get(f"/v1/events/{events.json()['data'][0]['id']}", headers=auth),
        await client.get("/v1/events/evt_unknown", headers=auth),
    ]

    assert [a.headers.get("cache-control") for a in answers] == ["no-store"] * len(answers)
    assert legacy.status_code == 201 and answers[1].status_code == 200


async def test_keys_tokens_and_webhook_secrets_are_never_cached(client, auth, merchant) -> None:
    login = {"email": merchant.merchant.email, "api_key": merchant.api_key}
    answers = [
        await client.post("/v1/auth/generate_access_token", json=login),
        await client.post("/v1/auth/refresh", json={"token": "x"}),
        await client.post("/v1/api_keys", headers=auth),
        await client.get("/v1/api_keys", headers=auth),
        await client.delete("/v1/api_keys/unknown", headers=auth),
        await client.post(
            "/v1/webhook_endpoints",
            json={"url": "https://93.184.215.14/hooks", "events": ["*"]},
            headers=auth,
        ),
        await client.post("/v1/webhook_endpoints", json={"url": "ftp://x"}, headers=auth),
        await client.get("/v1/webhook_endpoints", headers=auth),
        await client.delete("/v1/webhook_endpoints/we_unknown", headers=auth),
    ]
    assert [a.headers.get("cache-control") for a in answers] == ["no-store"] * len(answers)
    assert [a.status_code for a in answers[-4:]] == [201, 400, 200, 404]  # a secret, shown once


async def test_operational_routes_may_be_cached(client) -> None:
    assert "cache-control" not in (await client.get("/health")).headers
