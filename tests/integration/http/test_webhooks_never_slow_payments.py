"""Payments keep their speed while every webhook delivery hangs: deliveries run in tasks of
their own, on their own client and concurrency limit, never on the payment path."""

from __future__ import annotations

import asyncio
import statistics
import time

from litestar.testing import AsyncTestClient

from entrypoints.runtime.gateway_app import gateway_app
from tests.integration.http.conftest import log_in, make_container, payment_body, register
from tests.integration.webhooks.receiver import HANG, Receiver
from tests.webhook_rows import event

CONCURRENCY = 4


async def payment_latencies(client, auth, count: int = 25) -> list[float]:
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        response = await client.post("/v1/payments", json=payment_body(), headers=auth)
        latencies.append(time.perf_counter() - started)
        assert response.status_code == 201
    return latencies


async def test_payments_keep_their_speed_while_every_delivery_hangs(database, bank, clock) -> None:
    settings = {
        "webhook_interval": 0.01,
        "webhook_timeout": 30.0,
        "webhook_concurrency": CONCURRENCY,
    }
    container = make_container(database, bank, clock, **settings)
    with Receiver(HANG) as receiver:
        async with AsyncTestClient(gateway_app(container)) as client:
            merchant = await register(container, "hooks@example.com")
            tokens = await log_in(client, merchant)
            auth = {"Authorization": f"Bearer {tokens['access']['token']}"}
            await payment_latencies(client, auth, 5)  # warm up
            calm = await payment_latencies(client, auth)

            hook = {"url": receiver.url, "events": ["*"]}
            assert (
                await client.post("/v1/webhook_endpoints", json=hook, headers=auth)
            ).status_code == 201
            for _ in range(3 * CONCURRENCY):
                e = event(merchant.merchant.id)
                database.events[e.id] = e
            deadline = time.monotonic() + 10
            while len(receiver.received) < CONCURRENCY:
                assert time.monotonic() < deadline, "the deliveries never started"
                await asyncio.sleep(0.01)
            hanging = await payment_latencies(client, auth)
            assert len(receiver.received) == CONCURRENCY  # every slot held, none freed

    assert statistics.median(hanging) < 3 * statistics.median(calm) + 0.02, (calm, hanging)
    assert max(hanging) < 1.0
