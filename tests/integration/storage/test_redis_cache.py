"""The cache contract against Redis, its key format, and how it lives through outages."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import pytest
import redis
from structlog.testing import capture_logs

from adapters.cache import RedisPaymentCache
from adapters.cache.redis_cache import PENDING_TTL_SECONDS
from adapters.codec import decode_json, to_record
from tests.integration.storage.conftest import delete_keys
from tests.integration.storage.redis_server import RedisServer, free_port
from tests.unit.adapters.builders import new_id, payment
from tests.unit.adapters.contract_cache import CacheContract, ExpiryContract

pytestmark = pytest.mark.integration


class TestRedisCache(CacheContract, ExpiryContract):
    @pytest.fixture
    def cache(self, redis_cache: RedisPaymentCache) -> RedisPaymentCache:
        return redis_cache

    @pytest.fixture
    async def short_lived_cache(
        self, redis_url: str, redis_prefix: str
    ) -> AsyncIterator[RedisPaymentCache]:
        cache = await RedisPaymentCache.open(redis_url, ttl_seconds=0.2, key_prefix=redis_prefix)
        yield cache
        await cache.close()
        delete_keys(redis_url, redis_prefix)


async def test_entries_live_under_the_documented_key_with_a_ttl(redis_url: str) -> None:
    cache = await RedisPaymentCache.open(redis_url, ttl_seconds=60)
    p = payment()
    key = f"paygate:payment:{p.merchant_id}:{p.id}"
    client = redis.Redis.from_url(redis_url)
    try:
        await cache.put(p)
        value = client.get(key)
        assert to_record(decode_json(value)) == to_record(p)
        # Stamped with the server's run: what a restart restores is told apart (a miss).
        assert json.loads(value)["redis_run_id"] == client.info("server")["run_id"]
        assert 0 < client.pttl(key) <= 60_000
    finally:
        client.delete(key)
        client.close()
        await cache.close()


async def test_pending_payments_live_briefly_settled_ones_for_the_full_ttl(
    redis_url: str, redis_prefix: str
) -> None:
    """A lost write of a settlement can leave a stale Pending copy for seconds, not minutes."""
    cache = await RedisPaymentCache.open(redis_url, ttl_seconds=300, key_prefix=redis_prefix)
    client = redis.Redis.from_url(redis_url)
    pending = payment()
    settled = payment()
    settled.authorize("auth-1", settled.created_at)
    pending_ttl_ms = PENDING_TTL_SECONDS * 1000
    try:
        await cache.put(pending)
        await cache.put(settled)
        assert 0 < client.pttl(cache.key(pending.merchant_id, pending.id)) <= pending_ttl_ms
        assert client.pttl(cache.key(settled.merchant_id, settled.id)) > pending_ttl_ms
    finally:
        client.close()
        await cache.close()
        delete_keys(redis_url, redis_prefix)


async def test_a_payment_with_a_pending_action_lives_briefly_until_it_settles(
    redis_url: str, redis_prefix: str
) -> None:
    """The sweep settles a Pending action without the merchant: its copy must not outlive
    a lost write for minutes either."""
    cache = await RedisPaymentCache.open(redis_url, ttl_seconds=300, key_prefix=redis_prefix)
    client = redis.Redis.from_url(redis_url)
    p = payment()
    p.authorize("auth-1", p.created_at)
    action = p.capture(new_id(), None, p.created_at)
    key = cache.key(p.merchant_id, p.id)
    pending_ttl_ms = PENDING_TTL_SECONDS * 1000
    try:
        await cache.put(p)
        assert 0 < client.pttl(key) <= pending_ttl_ms
        p.confirm_action(action.id, p.created_at)
        await cache.put(p)
        assert client.pttl(key) > pending_ttl_ms
    finally:
        client.close()
        await cache.close()
        delete_keys(redis_url, redis_prefix)


async def eventually_cached(cache: RedisPaymentCache, bound: float = 20.0) -> bool:
    p = payment()
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        await cache.put(p)
        if await cache.get(p.merchant_id, p.id) is not None:
            return True
        await asyncio.sleep(0.05)
    return False


async def test_an_outage_degrades_to_misses_and_heals(private_redis: RedisServer) -> None:
    cache = await RedisPaymentCache.open(private_redis.url, retry_after_seconds=0.05)
    p = payment()
    try:
        await cache.put(p)
        assert await cache.get(p.merchant_id, p.id) is not None
        private_redis.stop()
        with capture_logs() as logs:
            for _ in range(5):
                await cache.put(p)  # must not raise
                assert await cache.get(p.merchant_id, p.id) is None
                await asyncio.sleep(0.06)  # past retry_after: every call really tries Redis
        assert [e["event"] for e in logs].count("cache.unavailable") == 1
        assert all(e["log_level"] == "warning" for e in logs if e["event"] == "cache.unavailable")
        private_redis.start()
        assert await eventually_cached(cache)
    finally:
        await cache.close()


async def test_a_redis_that_stops_answering_costs_one_timeout_then_nothing(
    private_redis: RedisServer,
) -> None:
    """A paused server takes the command and never answers: the read is a miss once its
    timeout passes, the cache then sits the outage out, and once Redis answers again no
    reply of the abandoned command is read as the answer to a later one."""
    cache = await RedisPaymentCache.open(
        private_redis.url, socket_timeout=0.2, retry_after_seconds=0.5
    )
    p, other = payment(), payment()
    try:
        await cache.put(p)
        assert await cache.get(p.merchant_id, p.id) is not None  # a pooled connection is open
        with capture_logs() as logs, private_redis.paused():
            started = time.monotonic()
            assert await cache.get(p.merchant_id, p.id) is None
            first = time.monotonic() - started
            started = time.monotonic()
            assert await cache.get(p.merchant_id, p.id) is None
            await cache.put(p)
            sitting_out = time.monotonic() - started
        assert 0.2 <= first < 2.0
        assert sitting_out < 0.1
        assert [e["event"] for e in logs] == ["cache.unavailable"]
        await asyncio.sleep(0.5)  # the sit-out ends
        assert await cache.get(other.merchant_id, other.id) is None
        assert await eventually_cached(cache)
    finally:
        await cache.close()


async def test_a_cache_pointed_at_a_closed_port_only_misses() -> None:
    with capture_logs() as logs:
        cache = await RedisPaymentCache.open(f"redis://127.0.0.1:{free_port()}/0")
        p = payment()
        try:
            await cache.put(p)
            assert await cache.get(p.merchant_id, p.id) is None
            assert await cache.ping() is False
        finally:
            await cache.close()
    assert [e["event"] for e in logs] == ["cache.unavailable"]


async def test_a_cached_read_is_one_get_and_nothing_else(private_redis: RedisServer) -> None:
    """The run-id check costs no command per read: INFO runs once per new connection."""
    cache = await RedisPaymentCache.open(private_redis.url)
    client = redis.Redis(port=private_redis.port)
    p = payment()
    try:
        await cache.put(p)
        client.config_resetstat()
        for _ in range(20):
            assert await cache.get(p.merchant_id, p.id) is not None
        calls = {
            name.removeprefix("cmdstat_"): stats["calls"]
            for name, stats in client.info("commandstats").items()
        }
        assert calls.pop("get") == 20
        assert set(calls) <= {"config|resetstat", "config", "info"}  # this test's own
    finally:
        client.close()
        await cache.close()
