"""The rate-limited cached read contract for the in-process stack: the limiter's hit, then
the cache's read, on either in-process cache."""

from __future__ import annotations

import pytest

from adapters.cache import TtlPaymentCache
from adapters.memory import InMemoryPaymentCache, InMemoryRateLimiter
from paycore.use_cases.retrieve_payment import HitThenCacheRead
from tests.unit.adapters.contract_cached_read import RateLimitedCacheReadContract, Reads


class TestHitThenCacheRead(RateLimitedCacheReadContract):
    @pytest.fixture(params=[TtlPaymentCache, InMemoryPaymentCache])
    def reads_at(self, request):
        def made(clock) -> Reads:
            limiter, cache = InMemoryRateLimiter(clock=clock), request.param()
            return Reads(HitThenCacheRead(limiter, cache), limiter, cache)

        return made
