"""A status read from the cache never goes backwards, across a Redis crash and AOF replay.

Caches on one private Redis stand for gateway processes. The Pending copy is written,
Redis is SIGKILLed, the settlement's write fails, Redis replays its AOF: the Pending copy
is back in Redis, yet no process may read it any more: not the one whose write failed,
not one that only read, not one started after the restart (it never saw any error). The
process whose write failed also deletes the copy once Redis answers (lost_writes.py); the
tests that watch the other guards keep that delete from landing (the process died first).
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest
import redis
from structlog.testing import capture_logs

from adapters.cache import RedisPaymentCache
from paycore.payment import Payment, PaymentStatus
from tests.integration.storage.conftest import redis_times_out
from tests.integration.storage.redis_server import RedisServer
from tests.integration.storage.tcp_proxy import running_tcp_proxy
from tests.unit.adapters.builders import T0, later, payment

pytestmark = [pytest.mark.integration, pytest.mark.timeout(60)]

# Long enough that the replayed Pending copy is still alive whatever the machine's load:
# the test must see it come back, not pass because it expired.
PENDING_TTL = 120.0


async def open_cache(server: RedisServer) -> RedisPaymentCache:
    return await RedisPaymentCache.open(
        server.url, retry_after_seconds=0.05, pending_ttl_seconds=PENDING_TTL
    )


def raw_status(server: RedisServer, key: str) -> str | None:
    with redis.Redis(port=server.port, socket_timeout=3) as client:
        value = client.get(key)
    return None if value is None else str(json.loads(value)["status"])


def pending_then_authorized() -> tuple[Payment, Payment]:
    """A Pending payment and its next version, settled by the bank."""
    pending = payment()
    authorized = payment(pending.merchant_id, id=pending.id)
    authorized.authorize("auth-1", later(T0, 1))
    return pending, authorized


async def back_in_service(cache: RedisPaymentCache, bound: float = 20.0) -> None:
    deadline = time.monotonic() + bound
    while not await cache.ping():
        assert time.monotonic() < deadline, "the cache never reached Redis again"
        await asyncio.sleep(0.05)


async def test_no_process_reads_a_pending_copy_replayed_after_a_crash(
    persistent_redis: RedisServer,
) -> None:
    failing = await open_cache(persistent_redis)  # its settlement write fails
    bystander = await open_cache(persistent_redis)  # writes nothing, read the Pending copy
    pending, authorized = pending_then_authorized()
    key = failing.key(pending.merchant_id, pending.id)
    try:
        await failing.put(pending)
        assert await bystander.get(pending.merchant_id, pending.id) is not None

        persistent_redis.kill()
        await failing.put(authorized)  # lost: Redis is down
        await failing.close()  # and its process dies before it can delete the older copy
        persistent_redis.start()  # same directory: the AOF replays the Pending copy
        assert raw_status(persistent_redis, key) == "Pending"

        with capture_logs() as newcomer_logs:  # a process started after the restart
            newcomer = await open_cache(persistent_redis)
            seen = [await newcomer.get(pending.merchant_id, pending.id)]
        assert not [e for e in newcomer_logs if e["event"] == "cache.unavailable"]
        await back_in_service(bystander)  # past the dead pooled connection, if any
        seen.append(await bystander.get(pending.merchant_id, pending.id))

        assert seen == [None, None]  # misses, never the Pending copy
        assert raw_status(persistent_redis, key) == "Pending"  # it was there all along

        await newcomer.put(authorized)  # what the read-through does after a miss
        for cache in (bystander, newcomer):
            read = await cache.get(pending.merchant_id, pending.id)
            assert read is not None and read.status is PaymentStatus.AUTHORIZED
        await newcomer.close()
    finally:
        await failing.close()
        await bystander.close()


async def test_the_process_whose_write_was_lost_deletes_the_replayed_copy(
    persistent_redis: RedisServer,
) -> None:
    failing = await open_cache(persistent_redis)
    pending, authorized = pending_then_authorized()
    key = failing.key(pending.merchant_id, pending.id)
    try:
        await failing.put(pending)
        persistent_redis.kill()
        await failing.put(authorized)  # lost: Redis is down, so its DEL waits too
        persistent_redis.start()
        await wait_until_deleted(persistent_redis, key)
        assert await failing.get(pending.merchant_id, pending.id) is None
    finally:
        await failing.close()


async def wait_until_deleted(server: RedisServer, key: str, bound: float = 20.0) -> None:
    deadline = time.monotonic() + bound
    while raw_status(server, key) is not None:
        assert time.monotonic() < deadline, "the older copy was never deleted"
        await asyncio.sleep(0.05)


async def test_entries_from_before_a_restart_are_ignored_even_when_settled(
    persistent_redis: RedisServer,
) -> None:
    """Simpler than telling stale from fresh: a restart empties the cache for readers."""
    cache = await open_cache(persistent_redis)
    settled = payment()
    settled.authorize("auth-1", later(T0, 1))
    try:
        await cache.put(settled)
        persistent_redis.kill()
        persistent_redis.start()
        assert raw_status(persistent_redis, cache.key(settled.merchant_id, settled.id))
        await back_in_service(cache)
        assert await cache.get(settled.merchant_id, settled.id) is None
        await cache.put(settled)  # the same version again: restamped for this run
        assert await cache.get(settled.merchant_id, settled.id) is not None
    finally:
        await cache.close()


async def test_a_process_cut_off_from_redis_does_not_read_its_older_copy_back(
    persistent_redis: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redis stays up and keeps the Pending copy; only this process lost the settlement's
    write. Once it reaches Redis again it must not serve that copy to its own clients."""
    pending, authorized = pending_then_authorized()
    async with running_tcp_proxy(persistent_redis.port) as link:
        cut_off = await RedisPaymentCache.open(
            link.url, retry_after_seconds=0.05, pending_ttl_seconds=PENDING_TTL
        )
        key = cut_off.key(pending.merchant_id, pending.id)
        try:
            await cut_off.put(pending)
            link.cut()
            await cut_off.put(authorized)  # lost
            # Its DEL of the older copy keeps failing too, for now: the guard watched
            # here is the process's own memory of the keys it did not write.
            monkeypatch.setattr(cut_off._client, "delete", redis_times_out)
            link.heal()
            await back_in_service(cut_off)

            assert raw_status(persistent_redis, key) == "Pending"
            assert await cut_off.get(pending.merchant_id, pending.id) is None

            monkeypatch.undo()
            await wait_until_deleted(persistent_redis, key)  # the DEL lands at last
            assert await cut_off.get(pending.merchant_id, pending.id) is None
            await cut_off.put(authorized)
            read = await cut_off.get(pending.merchant_id, pending.id)
            assert read is not None and read.status is PaymentStatus.AUTHORIZED
        finally:
            await cut_off.close()
