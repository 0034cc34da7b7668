"""Real PostgreSQL and Redis for the storage tests, isolated per test session.

PostgreSQL: a fresh database `paygate_test_<random>` for the session, dropped at the end.
Redis: database 15 with a random key prefix, whose keys are deleted after each test.
Override with PAYGATE_TEST_DATABASE_URL / PAYGATE_TEST_REDIS_URL. When a service is
absent the tests skip locally and fail under CI=true.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis
from redis.exceptions import TimeoutError as RedisTimeout

from adapters.cache import RedisPaymentCache
from adapters.postgres import PostgresDatabase
from tests.conftest import service_missing
from tests.integration.postgres_admin import (
    create_database,
    drop_database,
    reachable_admin_url,
)
from tests.integration.storage.redis_server import RedisServer, free_port

TABLES = (
    "payments, idempotency_keys, merchants, refresh_tokens, api_keys, "
    "payments, idempotency_keys, merchants, refresh_tokens, "
    "events, webhook_endpoints, webhook_deliveries, webhook_attempts"
)


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    return reachable_admin_url()


@pytest.fixture(scope="session")
def pg_url(pg_admin_url: str) -> Iterator[str]:
    name = f"paygate_test_{secrets.token_hex(4)}"
    url = create_database(pg_admin_url, name)
    yield url
    drop_database(pg_admin_url, name)


@pytest.fixture
async def pg_db(pg_url: str) -> AsyncIterator[PostgresDatabase]:
    db = await PostgresDatabase.open(pg_url, min_size=1, max_size=6)
    await db.migrate()
    async with db.pool.connection() as conn:
        await conn.execute(f"TRUNCATE {TABLES}")
    yield db
    await db.close()


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("PAYGATE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        client = redis.Redis.from_url(url, socket_timeout=3, socket_connect_timeout=3)
        client.ping()
        client.close()
    except redis.RedisError as error:
        service_missing("Redis", f"{url}: {error}")
    return url


@pytest.fixture
def redis_prefix() -> str:
    return f"paygate-test-{secrets.token_hex(4)}:payment:"


@pytest.fixture
def rate_prefix(redis_url: str) -> Iterator[str]:
    prefix = f"paygate-test-{secrets.token_hex(4)}:rate:"
    yield prefix
    delete_keys(redis_url, prefix)


@pytest.fixture
async def redis_cache(redis_url: str, redis_prefix: str) -> AsyncIterator[RedisPaymentCache]:
    cache = await RedisPaymentCache.open(redis_url, key_prefix=redis_prefix)
    yield cache
    await cache.close()
    delete_keys(redis_url, redis_prefix)


async def redis_times_out(*_args: object, **_kwargs: object) -> None:
    """Stands in for a Redis command (or script) whose answer never comes in time."""
    raise RedisTimeout("Timeout reading from socket")


def delete_keys(url: str, prefix: str) -> None:
    client = redis.Redis.from_url(url)
    try:
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
    finally:
        client.close()


def _running(data_dir: Path | None = None) -> Iterator[RedisServer]:
    if not RedisServer.available():
        service_missing("redis-server", "the binary is not on PATH")
    server = RedisServer(free_port(), data_dir=data_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def private_redis() -> Iterator[RedisServer]:
    """A throwaway redis-server of the test's own: it may be stopped, paused or killed."""
    yield from _running()


@pytest.fixture
def persistent_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A private redis-server that keeps its data on disk: a test may stop and restart it."""
    yield from _running(tmp_path)
