"""The payment cache contract: every PaymentCache adapter must pass these.

A test module subclasses CacheContract and provides a `cache` fixture. Caches with a
time-to-live also subclass ExpiryContract and provide `short_lived_cache` (TTL ~0.2 s).
"""

from __future__ import annotations

import asyncio
import time

from adapters.codec import to_record
from paycore.ports import PaymentCache
from tests.unit.adapters.builders import T0, later, new_id, payment


class CacheContract:
    async def test_an_unknown_payment_is_a_miss(self, cache: PaymentCache) -> None:
        assert await cache.get(new_id(), new_id()) is None

    async def test_a_put_payment_reads_back_equal(self, cache: PaymentCache) -> None:
        p = payment(
            next_settlement_at=later(T0, 30), settlement_attempts=1, metadata={"order_id": "67"}
        )
        await cache.put(p)
        assert to_record(await cache.get(p.merchant_id, p.id)) == to_record(p)

    async def test_a_payment_is_cached_for_its_merchant_only(self, cache: PaymentCache) -> None:
        p = payment()
        await cache.put(p)
        assert await cache.get(new_id(), p.id) is None

    async def test_a_newer_version_replaces_an_older(self, cache: PaymentCache) -> None:
        p = payment()
        await cache.put(p)
        p.authorize("auth-1", later(T0, 1))
        await cache.put(p)
        cached = await cache.get(p.merchant_id, p.id)
        assert (cached.version, cached.authorization_code) == (2, "auth-1")

    async def test_the_cache_never_goes_back_in_time(self, cache: PaymentCache) -> None:
        pending = payment()
        authorized = payment(pending.merchant_id, id=pending.id)
        authorized.authorize("auth-1", later(T0, 1))
        await cache.put(authorized)
        await cache.put(pending)
        assert (await cache.get(pending.merchant_id, pending.id)).version == 2

    async def test_the_cached_copy_is_not_the_callers_object(self, cache: PaymentCache) -> None:
        p = payment()
        await cache.put(p)
        p.reference = "changed after put"
        assert (await cache.get(p.merchant_id, p.id)).reference == "order-123"


class ExpiryContract:
    async def test_an_entry_expires(self, short_lived_cache: PaymentCache) -> None:
        p = payment()
        await short_lived_cache.put(p)
        # Poll with a generous bound: a slow machine must not fail this test.
        deadline = time.monotonic() + 15
        while await short_lived_cache.get(p.merchant_id, p.id) is not None:
            assert time.monotonic() < deadline, "the entry never expired"
            await asyncio.sleep(0.05)

    async def test_an_expired_older_version_does_not_block_a_put(
        self, short_lived_cache: PaymentCache
    ) -> None:
        newer = payment()
        newer.authorize("auth-1", later(T0, 1))
        await short_lived_cache.put(newer)
        deadline = time.monotonic() + 15
        while await short_lived_cache.get(newer.merchant_id, newer.id) is not None:
            assert time.monotonic() < deadline, "the entry never expired"
            await asyncio.sleep(0.05)
        older = payment(newer.merchant_id, id=newer.id)
        await short_lived_cache.put(older)
        assert (await short_lived_cache.get(older.merchant_id, older.id)).version == 1
