"""The rate-limited cached read contract: one step must decide exactly as its limiter's
`hit` would, on the same budget, and read exactly what its cache's `get` would.

A test class provides `reads_at(clock)`: a `Reads` whose read, limiter and cache share
their budgets and their entries, the limiter reading time from `clock`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from adapters.codec import to_record
from paycore.ports import PaymentCache, RateLimitedCacheRead, RateLimiter
from tests.unit.adapters.builders import T0, later, new_id, payment
from tests.unit.adapters.contract_rate_limits import PER_MINUTE, BudgetFixtures


@dataclass(frozen=True, slots=True)
class Reads:
    read: RateLimitedCacheRead
    limiter: RateLimiter
    cache: PaymentCache


class RateLimitedCacheReadContract(BudgetFixtures):
    async def test_an_allowed_read_answers_the_cached_payment(self, reads_at, clock, key):
        reads = reads_at(clock)
        p = payment(metadata={"order_id": "67"})
        await reads.cache.put(p)

        decision, cached = await reads.read(key, PER_MINUTE, p.merchant_id, p.id)

        assert (decision.allowed, decision.limit, decision.remaining) == (True, 10, 9)
        assert to_record(cached) == to_record(p)

    async def test_an_uncached_payment_is_a_miss_that_still_spends(self, reads_at, clock, key):
        reads = reads_at(clock)
        decision, cached = await reads.read(key, PER_MINUTE, new_id(), new_id())
        assert decision.allowed and cached is None
        assert (await reads.limiter.peek(key, PER_MINUTE)).remaining == 9

    async def test_another_merchants_payment_is_a_miss(self, reads_at, clock, key):
        reads = reads_at(clock)
        p = payment()
        await reads.cache.put(p)
        _, cached = await reads.read(key, PER_MINUTE, new_id(), p.id)
        assert cached is None

    async def test_the_newest_version_is_read(self, reads_at, clock, key):
        reads = reads_at(clock)
        p = payment()
        await reads.cache.put(p)
        p.authorize("auth-1", later(T0, 1))
        await reads.cache.put(p)
        _, cached = await reads.read(key, PER_MINUTE, p.merchant_id, p.id)
        assert cached is not None and (cached.version, cached.authorization_code) == (2, "auth-1")

    async def test_reads_and_hits_spend_one_budget_and_a_refusal_reads_nothing(
        self, reads_at, clock, key
    ):
        reads = reads_at(clock)
        p = payment()
        await reads.cache.put(p)
        for _ in range(5):
            assert (await reads.limiter.hit(key, PER_MINUTE)).allowed
        answers = [await reads.read(key, PER_MINUTE, p.merchant_id, p.id) for _ in range(6)]

        assert [d.allowed for d, _ in answers] == [True] * 5 + [False]
        assert [d.remaining for d, _ in answers[:5]] == [4, 3, 2, 1, 0]
        assert all(cached is not None for _, cached in answers[:5])
        refused, cached = answers[-1]
        assert cached is None and refused.retry_after_header == 6
        assert not (await reads.limiter.hit(key, PER_MINUTE)).allowed
        clock.now += 6.0
        decision, cached = await reads.read(key, PER_MINUTE, p.merchant_id, p.id)
        assert decision.allowed and cached is not None

    async def test_concurrent_reads_never_overspend(self, reads_at, clock, key):
        reads = reads_at(clock)
        p = payment()
        await reads.cache.put(p)
        answers = await asyncio.gather(
            *(reads.read(key, PER_MINUTE, p.merchant_id, p.id) for _ in range(40))
        )
        assert sum(decision.allowed for decision, _ in answers) == 10
        assert sum(cached is not None for _, cached in answers) == 10
