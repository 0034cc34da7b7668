"""The rate limiter contract: every limiter (in process, Redis) must decide alike.

A test class provides `limiter_at(clock)`: a limiter reading time from `clock`.
"""

from __future__ import annotations

import asyncio
import secrets

import pytest

from paycore.rate_limit import RateLimit

PER_MINUTE = RateLimit(10, 60.0)


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


class BudgetFixtures:
    """A clock to move and a key of the test's own."""

    @pytest.fixture
    def clock(self) -> Clock:
        return Clock()

    @pytest.fixture
    def key(self) -> str:
        return f"test:{secrets.token_hex(4)}"


class RateLimiterContract(BudgetFixtures):
    async def test_a_burst_passes_up_to_the_limit_then_refills(self, limiter_at, clock, key):
        limiter = limiter_at(clock)
        decisions = [await limiter.hit(key, PER_MINUTE) for _ in range(12)]

        assert [d.allowed for d in decisions] == [True] * 10 + [False] * 2
        assert [d.remaining for d in decisions[:10]] == list(range(9, -1, -1))
        assert decisions[-1].retry_after_header == 6 and decisions[-1].limit == 10
        clock.now += 6.0
        assert (await limiter.hit(key, PER_MINUTE)).allowed
        assert not (await limiter.hit(key, PER_MINUTE)).allowed

    async def test_peeking_spends_nothing(self, limiter_at, clock, key):
        limiter = limiter_at(clock)
        for _ in range(5):
            assert (await limiter.peek(key, PER_MINUTE)).remaining == 10
        for _ in range(10):
            await limiter.hit(key, PER_MINUTE)
        peeked = await limiter.peek(key, PER_MINUTE)
        assert not peeked.allowed and peeked.retry_after_seconds == pytest.approx(6.0)
        clock.now += 12.0
        peeked = await limiter.peek(key, PER_MINUTE)
        assert peeked.remaining == 2 and peeked.reset_seconds == pytest.approx(48.0)

    async def test_keys_have_budgets_of_their_own(self, limiter_at, clock, key):
        limiter = limiter_at(clock)
        for _ in range(10):
            await limiter.hit(key, PER_MINUTE)
        assert (await limiter.hit(key + ":other", PER_MINUTE)).allowed

    async def test_concurrent_hits_never_overspend(self, limiter_at, clock, key):
        limiter = limiter_at(clock)
        decisions = await asyncio.gather(*(limiter.hit(key, PER_MINUTE) for _ in range(40)))
        assert sum(d.allowed for d in decisions) == 10

    async def test_a_request_given_back_counts_no_more(self, limiter_at, clock, key):
        limiter = limiter_at(clock)
        for _ in range(10):
            await limiter.hit(key, PER_MINUTE)
        await limiter.give_back(key, PER_MINUTE)
        assert (await limiter.hit(key, PER_MINUTE)).allowed
        assert not (await limiter.hit(key, PER_MINUTE)).allowed
        for _ in range(15):  # never more than the whole budget back
            await limiter.give_back(key, PER_MINUTE)
        assert (await limiter.peek(key, PER_MINUTE)).remaining == 10
        await limiter.give_back(key + ":unknown", PER_MINUTE)
        assert (await limiter.peek(key + ":unknown", PER_MINUTE)).remaining == 10
