"""The real app (routes, DI, errors, middleware) on in-memory adapters, through Litestar's
AsyncTestClient. Storage, cache and bank are swapped in the container, nothing else."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from litestar import Litestar
from litestar.testing import AsyncTestClient

from adapters.memory import InMemoryBank, InMemoryPaymentCache, InMemoryStore, ManualClock
from entrypoints.runtime.container import Container
from entrypoints.runtime.container_use import build_container, resolve
from entrypoints.runtime.gateway_app import gateway_app
from entrypoints.runtime.settings import Settings
from paycore.use_cases import NewMerchant
from tests.integration.http.contract import Answer, served_document, violations

JWT_SECRET = "test-secret-" + "x" * 40
VISA_ODD = "4111 1111 1111 1111"  # authorized by InMemoryBank (odd last digit)
VISA_EVEN = "4242 4242 4242 4242"  # declined by InMemoryBank (even last digit)


class MemoryDatabase(InMemoryStore):
    """The in-memory store with the database resource's ping/close."""

    healthy: bool = True

    async def ping(self) -> bool:
        if not self.healthy:
            raise ConnectionError("database down")
        return True

    async def close(self) -> None:
        return None


def payment_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "card_number": VISA_ODD,
        "expiry_month": 12,
        "expiry_year": 2030,
        "cvv": "123",
        "amount": 1050,
        "currency": "USD",
        "reference": "order-123",
    }
    body.update(overrides)
    return body


def legacy_body(**overrides: Any) -> dict[str, Any]:
    """A valid body of the legacy route (major units, two-digit year, integer CVV)."""
    body: dict[str, Any] = {
        "card_number": VISA_ODD,
        "exp_month": 12,
        "exp_year": 30,
        "cvv": 123,
        "amount": 10.5,
        "currency": "USD",
    }
    body.update(overrides)
    return body


def make_container(
    database: MemoryDatabase, bank: Any, clock: ManualClock, **settings: Any
) -> Container:
    defaults: dict[str, Any] = {
        "jwt_secret": JWT_SECRET,
        "bank_url": "http://127.0.0.1:9",
        "settle_interval": 3600.0,
    }
    container = build_container(Settings(**{**defaults, **settings}))
    container.database.override(providers.Object(database))
    container.cache.override(providers.Object(InMemoryPaymentCache()))
    container.bank.override(providers.Object(bank))
    container.clock.override(providers.Object(clock))
    return container


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))


@pytest.fixture
def database() -> MemoryDatabase:
    return MemoryDatabase()


@pytest.fixture
def bank() -> InMemoryBank:
    return InMemoryBank()


@pytest.fixture
def container(database: MemoryDatabase, bank: InMemoryBank, clock: ManualClock) -> Container:
    return make_container(database, bank, clock)


@pytest.fixture
def app(container: Container) -> Litestar:
    return gateway_app(container)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    """The app's test client; every response it receives must match the OpenAPI document."""
    answers: list[Answer] = []

    async def record(response: httpx.Response) -> None:
        await response.aread()
        request = response.request
        headers = {k.lower(): v for k, v in response.headers.items()}
        answers.append(
            Answer(
                request.method, request.url.path, response.status_code, headers, response.content
            )
        )

    async with AsyncTestClient(app) as test_client:
        test_client.event_hooks["response"].append(record)
        yield test_client
    document = served_document()
    problems = [problem for answer in answers for problem in violations(answer, document)]
    assert not problems, "responses that do not match the OpenAPI document:\n" + "\n".join(problems)


async def register(container: Container, email: str) -> NewMerchant:
    register_merchant = await resolve(container.register_merchant)
    return await register_merchant(email)


async def log_in(client: AsyncTestClient[Litestar], merchant: NewMerchant) -> dict[str, Any]:
    response = await client.post(
        "/v1/auth/generate_access_token",
        json={"email": merchant.merchant.email, "api_key": merchant.api_key},
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["token"]


@pytest.fixture
async def merchant(container: Container) -> NewMerchant:
    return await register(container, "shop@example.com")


@pytest.fixture
async def tokens(client: AsyncTestClient[Litestar], merchant: NewMerchant) -> dict[str, Any]:
    return await log_in(client, merchant)


@pytest.fixture
def auth(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access']['token']}"}
