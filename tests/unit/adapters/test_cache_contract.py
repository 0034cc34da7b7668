"""The cache contract against the in-memory reference and the in-process TTL cache."""

from __future__ import annotations

import pytest

from adapters.cache import TtlPaymentCache
from adapters.memory import InMemoryPaymentCache
from tests.unit.adapters.builders import payment
from tests.unit.adapters.contract_cache import CacheContract, ExpiryContract


class TestInMemoryCache(CacheContract):
    @pytest.fixture
    def cache(self):
        return InMemoryPaymentCache()


class TestTtlCache(CacheContract, ExpiryContract):
    @pytest.fixture
    def cache(self):
        return TtlPaymentCache()

    @pytest.fixture
    def short_lived_cache(self):
        return TtlPaymentCache(ttl_seconds=0.2)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_the_ttl_cache_expires_on_its_clock() -> None:
    clock = FakeClock()
    cache = TtlPaymentCache(ttl_seconds=10, clock=clock)
    p = payment()
    await cache.put(p)
    clock.now = 9.9
    assert await cache.get(p.merchant_id, p.id) is not None
    clock.now = 10.0
    assert await cache.get(p.merchant_id, p.id) is None
    assert len(cache) == 0


async def test_the_ttl_cache_evicts_the_least_recently_used() -> None:
    cache = TtlPaymentCache(max_entries=2)
    first, second, third = payment(), payment(), payment()
    await cache.put(first)
    await cache.put(second)
    assert await cache.get(first.merchant_id, first.id) is not None  # first is now recent
    await cache.put(third)
    assert await cache.get(second.merchant_id, second.id) is None
    assert await cache.get(first.merchant_id, first.id) is not None
    assert await cache.get(third.merchant_id, third.id) is not None
    assert (cache.hits, cache.misses) == (3, 1)


def test_the_ttl_cache_refuses_nonsense_bounds() -> None:
    with pytest.raises(ValueError):
        TtlPaymentCache(ttl_seconds=0)
    with pytest.raises(ValueError):
        TtlPaymentCache(max_entries=0)
