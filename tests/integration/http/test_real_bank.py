"""The app with the real bank client against a real simulator process: a hang becomes a
202 that the background sweep settles; answered errors open the circuit (503)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest
from dependency_injector import providers
from litestar.testing import AsyncTestClient

from adapters.memory import InMemoryPaymentCache
from entrypoints.runtime.container_use import build_container
from entrypoints.runtime.embedded_bank import EmbeddedBank
from entrypoints.runtime.gateway_app import gateway_app
from entrypoints.runtime.settings import Settings
from tests.integration.http.conftest import JWT_SECRET, log_in, payment_body, register


@pytest.fixture
def hanging_bank() -> Iterator[EmbeddedBank]:
    bank = EmbeddedBank.start(options=["--hang-rate", "1", "--hang-seconds", "3"])
    try:
        yield bank
    finally:
        bank.stop()


def gateway(bank_url: str, database, clock, **settings):
    container = build_container(
        Settings(jwt_secret=JWT_SECRET, bank_url=bank_url, bank_retries=0, **settings)
    )
    container.database.override(providers.Object(database))
    container.cache.override(providers.Object(InMemoryPaymentCache()))
    container.clock.override(providers.Object(clock))
    return container


async def test_a_hanging_bank_gives_202_and_the_sweep_settles_it(
    hanging_bank, database, clock
) -> None:
    container = gateway(hanging_bank.url, database, clock, bank_timeout=0.3, settle_interval=0.05)
    async with AsyncTestClient(gateway_app(container)) as client:
        token = (await log_in(client, await register(container, "hang@example.com")))["access"]
        headers = {"Authorization": f"Bearer {token['token']}"}
        # An odd last digit, not a funded test card: the base rule authorizes it.
        created = await client.post(
            "/v1/payments", json=payment_body(card_number="4111111111111111"), headers=headers
        )
        assert created.status_code == 202
        payment_id = created.json()["id"]
        clock.advance(timedelta(minutes=5))  # past the sweep's "older than" threshold

        status = "Pending"
        for _ in range(400):  # a bounded wait for the sweep, not a timing assertion
            fetched = await client.get(f"/v1/payments/{payment_id}", headers=headers)
            status = fetched.json()["status"]
            if status != "Pending":
                break
            await asyncio.sleep(0.05)

    assert status == "Authorized"


async def test_bank_errors_open_the_circuit_and_503_says_when_to_retry(database, clock) -> None:
    bank = EmbeddedBank.start()
    try:
        container = gateway(bank.url, database, clock, breaker_threshold=1, breaker_reset=60)
        async with AsyncTestClient(gateway_app(container)) as client:
            token = (await log_in(client, await register(container, "cb@example.com")))["access"]
            headers = {"Authorization": f"Bearer {token['token']}"}
            # A card number ending in 0 makes the simulator answer 503.
            failing = payment_body(card_number="4000000000000010")
            first = await client.post("/v1/payments", json=failing, headers=headers)
            second = await client.post("/v1/payments", json=payment_body(), headers=headers)
    finally:
        bank.stop()

    assert first.status_code == 503 and first.json()["payment_id"]
    assert second.status_code == 503
    assert 0 < int(second.headers["retry-after"]) <= 60
    assert second.json()["payment_id"] != first.json()["payment_id"]
