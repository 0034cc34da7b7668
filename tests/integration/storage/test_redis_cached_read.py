"""The Redis rate-limited cached read: the contract, one command per read, and each side's
own rules (run ids, outages, lost writes) kept."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis
from redis import asyncio as aioredis
from structlog.testing import capture_logs

from adapters.cache import RedisPaymentCache
from adapters.observability import InstrumentedCacheRead
from adapters.rate_limits import RedisRateLimitedCacheRead, RedisRateLimiter
from entrypoints.runtime.container_use import resolve, task_container
from entrypoints.runtime.settings import Settings
from paycore.payment import Payment
from paycore.use_cases.retrieve_payment import HitThenCacheRead
from tests.integration.storage.conftest import redis_times_out
from tests.integration.storage.redis_server import RedisServer
from tests.unit.adapters.builders import new_id, payment
from tests.unit.adapters.contract_cached_read import RateLimitedCacheReadContract, Reads
from tests.unit.adapters.contract_rate_limits import PER_MINUTE, Clock

pytestmark = pytest.mark.integration


@pytest.fixture
async def limiters() -> AsyncIterator[list[RedisRateLimiter]]:
    made: list[RedisRateLimiter] = []
    yield made
    for limiter in made:
        await limiter.close()


def redis_reads(
    cache: RedisPaymentCache, url: str, prefix: str, clock, made: list[RedisRateLimiter]
) -> Reads:
    """The limiter on a client of its own, as the gateway opens it."""
    client = aioredis.Redis.from_url(url, socket_timeout=1.0)
    made.append(RedisRateLimiter(client, key_prefix=prefix, clock=clock))
    return Reads(RedisRateLimitedCacheRead(made[-1], cache), made[-1], cache)


class TestRedisRateLimitedCacheRead(RateLimitedCacheReadContract):
    @pytest.fixture
    def reads_at(self, redis_cache, redis_url, rate_prefix, limiters):
        return lambda clock: redis_reads(redis_cache, redis_url, rate_prefix, clock, limiters)


@pytest.fixture
async def private_reads(private_redis: RedisServer, limiters) -> AsyncIterator[Reads]:
    cache = await RedisPaymentCache.open(private_redis.url, retry_after_seconds=60)
    yield redis_reads(cache, private_redis.url, "rate:", Clock(), limiters)
    await cache.close()


async def cached_and_read_once(reads: Reads) -> Payment:
    p = payment()
    await reads.cache.put(p)
    assert (await reads.read("k", PER_MINUTE, p.merchant_id, p.id))[1] is not None
    return p


def command_calls(client: redis.Redis) -> dict[str, int]:
    stats = client.info("commandstats")
    calls = {name.removeprefix("cmdstat_"): s["calls"] for name, s in stats.items()}
    return {n: c for n, c in calls.items() if n not in {"config|resetstat", "config", "info"}}


async def test_a_read_is_one_command(private_redis: RedisServer, private_reads: Reads) -> None:
    p = await cached_and_read_once(private_reads)  # the script loaded
    with redis.Redis(port=private_redis.port) as client:
        client.config_resetstat()
        for _ in range(8):
            decision, cached = await private_reads.read("k", PER_MINUTE, p.merchant_id, p.id)
            assert decision.allowed and cached is not None
        # One command a read; the script's own calls count too: the budget's GET and SET,
        # the entry's GET.
        assert command_calls(client) == {"evalsha": 8, "get": 16, "set": 8}


async def test_a_flushed_script_is_loaded_again(
    private_redis: RedisServer, private_reads: Reads
) -> None:
    p = await cached_and_read_once(private_reads)
    with redis.Redis(port=private_redis.port) as client:
        client.script_flush()
    decision, cached = await private_reads.read("k", PER_MINUTE, p.merchant_id, p.id)
    assert decision.remaining == 8 and cached is not None


async def test_an_entry_of_an_earlier_server_run_is_a_miss(
    private_redis: RedisServer, private_reads: Reads
) -> None:
    p = payment()
    cache = private_reads.cache
    assert isinstance(cache, RedisPaymentCache)
    await cache.put(p)
    key = cache.key(p.merchant_id, p.id)
    with redis.Redis(port=private_redis.port) as client:
        run_id = client.info("server")["run_id"].encode()
        client.set(key, client.get(key).replace(run_id, b"0" * len(run_id)))
    decision, cached = await private_reads.read("k", PER_MINUTE, p.merchant_id, p.id)
    assert decision.allowed and cached is None


async def test_a_lost_write_is_read_as_a_miss_while_redis_keeps_the_budget(
    private_reads: Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write of a newer version timed out: the cache sits Redis out and will not read
    the older copy back; the budget is still spent in Redis, where every process sees it."""
    cache = private_reads.cache
    assert isinstance(cache, RedisPaymentCache)
    p = payment()
    await cache.put(p)
    p.authorize("auth-1", p.created_at)
    monkeypatch.setattr(cache, "_put_script", redis_times_out)
    await cache.put(p)

    decision, cached = await private_reads.read("k", PER_MINUTE, p.merchant_id, p.id)

    assert (decision.allowed, cached) == (True, None)
    assert (await private_reads.limiter.peek("k", PER_MINUTE)).remaining == 9
    for _ in range(9):
        await private_reads.limiter.hit("k", PER_MINUTE)
    decision, cached = await private_reads.read("k", PER_MINUTE, p.merchant_id, p.id)
    assert (decision.allowed, cached) == (False, None)


async def test_a_redis_gone_decides_locally_and_reads_nothing(
    private_redis: RedisServer, private_reads: Reads
) -> None:
    p = await cached_and_read_once(private_reads)
    private_redis.stop()
    with capture_logs() as logs:
        answers = [await private_reads.read("k", PER_MINUTE, p.merchant_id, p.id) for _ in "ab"]
        unknown = await private_reads.read("k", PER_MINUTE, new_id(), new_id())

    # The local budget is the same limit, fresh: this process's share while Redis is away.
    assert [(d.allowed, d.remaining, c) for d, c in answers] == [(True, 9, None), (True, 8, None)]
    assert unknown[0].remaining == 7 and unknown[1] is None
    events = sorted(e["event"] for e in logs if e["log_level"] == "warning")
    assert events == ["cache.unavailable", "rate_limits.redis_down_deciding_locally"]


async def test_the_gateway_reads_in_one_round_trip_on_redis_and_counts_the_hits(
    private_redis: RedisServer, tmp_path: Path
) -> None:
    sqlite = f"sqlite:///{tmp_path / 'paygate.db'}"
    settings = Settings(database_url=sqlite, redis_url=private_redis.url)
    async with task_container(settings) as container:
        limits = await resolve(container.rate_limits)
        cache, metrics = await resolve(container.cache), container.metrics()
        p = payment()
        await cache.put(p)
        read = limits.cached_read
        assert isinstance(read, InstrumentedCacheRead)
        assert isinstance(read.inner, RedisRateLimitedCacheRead)
        assert (await read("k", PER_MINUTE, p.merchant_id, p.id))[1] is not None
        assert (await read("k", PER_MINUTE, new_id(), p.id))[1] is None
        counted = metrics.registry.get_sample_value
        assert counted("paygate_cache_requests_total", {"result": "hit"}) == 1
        assert counted("paygate_cache_requests_total", {"result": "miss"}) == 1
    async with task_container(Settings(database_url=sqlite)) as container:
        assert isinstance((await resolve(container.rate_limits)).cached_read, HitThenCacheRead)
