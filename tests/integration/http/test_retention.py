"""Retention (API.md section 10): an Idempotency-Key is kept PAYGATE_IDEMPOTENCY_TTL, then
purged by the sweep's job, after which the same key makes a new payment."""

from __future__ import annotations

from datetime import timedelta

import pytest

from entrypoints.runtime.container_use import resolve
from tests.integration.http.conftest import log_in, make_container, payment_body


@pytest.fixture
def container(database, bank, clock):
    return make_container(database, bank, clock, idempotency_ttl=3600.0)


async def test_a_key_replays_within_its_ttl_and_makes_a_new_payment_after(
    client, auth, merchant, container, clock
) -> None:
    purge = await resolve(container.purge_expired)
    old = auth | {"Idempotency-Key": "order-1"}
    first = await client.post("/v1/payments", json=payment_body(), headers=old)
    clock.advance(timedelta(minutes=59))
    auth = await _fresh_login(client, merchant)  # access tokens live 15 minutes
    recent = auth | {"Idempotency-Key": "order-2"}
    second = await client.post("/v1/payments", json=payment_body(), headers=recent)
    clock.advance(timedelta(minutes=1, seconds=1))

    report = await purge()

    assert report.idempotency_keys == 1
    fresh = await _fresh_login(client, merchant)
    recent = fresh | {"Idempotency-Key": "order-2"}
    old = fresh | {"Idempotency-Key": "order-1"}
    replay = await client.post("/v1/payments", json=payment_body(), headers=recent)
    assert replay.headers.get("idempotent-replayed") == "true"
    assert replay.json()["id"] == second.json()["id"]
    anew = await client.post("/v1/payments", json=payment_body(), headers=old)
    assert anew.status_code == 201 and "idempotent-replayed" not in anew.headers
    assert anew.json()["id"] != first.json()["id"]


async def _fresh_login(client, merchant) -> dict[str, str]:
    return {"Authorization": f"Bearer {(await log_in(client, merchant))['access']['token']}"}


async def test_the_sweep_counts_what_it_purged(client, auth, container, clock) -> None:
    from entrypoints.runtime.sweep_jobs import purge_expired

    await client.post("/v1/payments", json=payment_body(), headers=auth | {"Idempotency-Key": "k"})
    clock.advance(timedelta(days=8))  # past the refresh token's 7 days too
    metrics = container.metrics()

    await purge_expired(lambda: resolve(container.purge_expired), metrics)()

    purged = metrics.purged_rows
    assert purged.labels("idempotency_keys")._value.get() == 1
    assert purged.labels("refresh_tokens")._value.get() == 1
