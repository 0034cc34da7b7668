"""The Redis rate limiter against the contract, shared between clients, and failing open
onto a per-process budget while Redis is unreachable."""

from __future__ import annotations

import time

import pytest
from redis import asyncio as aioredis
from structlog.testing import capture_logs

from adapters.rate_limits import RedisRateLimiter
from paycore.rate_limit import RateLimit
from tests.integration.storage.redis_server import RedisServer, free_port
from tests.unit.adapters.contract_rate_limits import Clock, RateLimiterContract

pytestmark = pytest.mark.integration


@pytest.fixture
async def limiters(redis_url: str, rate_prefix: str):
    made: list[RedisRateLimiter] = []

    def limiter_at(clock) -> RedisRateLimiter:
        client = aioredis.Redis.from_url(redis_url, socket_timeout=1.0)
        made.append(RedisRateLimiter(client, key_prefix=rate_prefix, clock=clock))
        return made[-1]

    yield limiter_at
    for limiter in made:
        await limiter.close()


class TestRedisRateLimiter(RateLimiterContract):
    @pytest.fixture
    def limiter_at(self, limiters):
        return limiters


async def test_two_limiters_on_one_redis_share_one_budget(limiters) -> None:
    clock, limit = Clock(), RateLimit(10, 60.0)
    first, second = limiters(clock), limiters(clock)
    decisions = [await (first if n % 2 else second).hit("shared", limit) for n in range(20)]
    assert sum(d.allowed for d in decisions) == 10


async def test_an_unreachable_redis_fails_open_onto_a_local_budget() -> None:
    clock, limit = Clock(), RateLimit(3, 60.0)
    client = aioredis.Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_timeout=0.2)
    limiter = RedisRateLimiter(client, clock=clock)
    with capture_logs() as logs:
        decisions = [await limiter.hit("k", limit) for _ in range(4)]
        clock.now += 2.0  # past the sit-out: Redis is tried again, and fails again
        assert not (await limiter.peek("k", limit)).allowed
    await limiter.close()

    assert [d.allowed for d in decisions] == [True, True, True, False]
    warnings = [e for e in logs if e["event"] == "rate_limits.redis_down_deciding_locally"]
    assert len(warnings) == 1 and warnings[0]["log_level"] == "warning"


async def test_a_budget_finer_than_a_millisecond_is_kept_in_redis(limiters) -> None:
    # Its next TAT lies within a millisecond of now (or on it, once the float sum rounds):
    # the script's expiry must still be valid, or Redis would refuse every step and each
    # decision would fall back to the local budget.
    limit = RateLimit(100_000_000, 1.0)
    limiter = limiters(time.time)
    with capture_logs() as logs:
        decisions = [await limiter.hit("fine", limit) for _ in range(50)]
    assert all(d.allowed for d in decisions)
    assert not [e for e in logs if e["event"] == "rate_limits.redis_down_deciding_locally"]


async def test_a_redis_that_stops_answering_is_decided_locally_after_one_timeout(
    private_redis: RedisServer,
) -> None:
    client = aioredis.Redis.from_url(private_redis.url, socket_timeout=0.2)
    limiter = RedisRateLimiter(client, clock=Clock())
    limit = RateLimit(3, 60.0)
    try:
        first = await limiter.hit("k", limit)  # in Redis, on a connection kept open
        with capture_logs() as logs, private_redis.paused():
            started = time.monotonic()
            decision = await limiter.hit("k", limit)
            waited = time.monotonic() - started
    finally:
        await limiter.close()
    # The local budget's first request (Redis, had it answered, would count a second one).
    assert decision.allowed and decision.remaining == first.remaining
    assert 0.2 <= waited < 2.0
    assert [e["event"] for e in logs] == ["rate_limits.redis_down_deciding_locally"]
