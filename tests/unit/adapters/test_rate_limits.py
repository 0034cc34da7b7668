"""The in-process rate limiter against the contract, and its bounded memory."""

from __future__ import annotations

import pytest

from adapters.memory import InMemoryRateLimiter
from paycore.rate_limit import RateLimit
from tests.unit.adapters.contract_rate_limits import Clock, RateLimiterContract


class TestInMemoryRateLimiter(RateLimiterContract):
    @pytest.fixture
    def limiter_at(self):
        return lambda clock: InMemoryRateLimiter(clock=clock)


async def test_a_full_memory_forgets_keys_with_a_whole_budget_first() -> None:
    clock, limit = Clock(), RateLimit(1, 1.0)
    limiter = InMemoryRateLimiter(capacity=2, clock=clock)
    await limiter.hit("a", limit)
    clock.now += 5.0  # a's budget is whole again: forgetting it changes nothing
    await limiter.hit("b", limit)
    await limiter.hit("c", limit)
    assert not (await limiter.hit("b", limit)).allowed

    await limiter.hit("d", limit)  # full of live keys: the oldest (b) makes room
    assert (await limiter.hit("b", limit)).allowed
    assert not (await limiter.hit("d", limit)).allowed
