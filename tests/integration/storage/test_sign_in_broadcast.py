"""Remembered logins shared through Redis: what one process forgets, the others forget,
and a Redis outage costs only the broadcast (the time bound still holds), never an error.

Each "process" is a BroadcastRecentSignIns with its own memory and its own client on a
private redis-server, so the test may stop it.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from redis import asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from adapters.auth import BroadcastRecentSignIns, RecentSignIns
from paycore.merchant import Merchant
from tests.integration.storage.redis_server import RedisServer

pytestmark = pytest.mark.integration

SHOP = Merchant("m1", "shop@example.com", "hash", datetime(2026, 1, 1, tzinfo=UTC))


@asynccontextmanager
async def process(server: RedisServer, channel: str) -> AsyncIterator[BroadcastRecentSignIns]:
    client = aioredis.Redis.from_url(
        server.url, socket_connect_timeout=1.0, retry=Retry(NoBackoff(), 0)
    )
    shared = BroadcastRecentSignIns(RecentSignIns(60.0), client, channel=channel)
    listener = asyncio.create_task(shared.listen())
    try:
        await asyncio.wait_for(shared.listening.wait(), 10)
        yield shared
    finally:
        listener.cancel()
        await asyncio.gather(listener, return_exceptions=True)
        await client.aclose()


async def until_forgotten(shared: BroadcastRecentSignIns, login: str) -> None:
    async with asyncio.timeout(5):
        while shared.recall(SHOP.id, login) is not None:  # noqa: ASYNC110 - another's doing
            await asyncio.sleep(0.01)


async def until_listening(*processes: BroadcastRecentSignIns, listening: bool) -> None:
    async with asyncio.timeout(10):
        while any(shared.listening.is_set() != listening for shared in processes):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_a_login_forgotten_in_one_process_is_forgotten_in_the_others(
    persistent_redis: RedisServer,
) -> None:
    channel = f"test-sign-ins-{secrets.token_hex(4)}"
    async with (
        process(persistent_redis, channel) as one,
        process(persistent_redis, channel) as other,
    ):
        for shared in (one, other):
            shared.remember(SHOP, "login-a")
            shared.remember(SHOP, "login-b")

        await one.forget_login("login-a")

        assert one.recall(SHOP.id, "login-a") is None  # at once where it was revoked
        await until_forgotten(other, "login-a")
        assert other.recall(SHOP.id, "login-b") == SHOP  # only that login

        await other.forget_merchant(SHOP.id)
        await until_forgotten(one, "login-b")


async def test_an_outage_only_costs_the_broadcast_and_the_listener_comes_back(
    persistent_redis: RedisServer,
) -> None:
    channel = f"test-sign-ins-{secrets.token_hex(4)}"
    async with (
        process(persistent_redis, channel) as one,
        process(persistent_redis, channel) as other,
    ):
        persistent_redis.stop()
        await until_listening(one, other, listening=False)  # both noticed the outage
        other.remember(SHOP, "login-a")
        await one.forget_login("login-a")  # no Redis: no error, only this process forgets
        assert other.recall(SHOP.id, "login-a") == SHOP

        persistent_redis.start()
        await until_listening(one, other, listening=True)
        await one.forget_login("login-a")
        await until_forgotten(other, "login-a")
