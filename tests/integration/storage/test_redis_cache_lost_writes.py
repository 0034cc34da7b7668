"""A write one process lost must not leave the older copy to every other process: the
writer deletes it, at once or, while Redis does not answer, as soon as it does."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from redis.exceptions import TimeoutError as RedisTimeout

from adapters.cache import RedisPaymentCache
from adapters.codec import decode_json, encode_json
from paycore.payment import Payment
from tests.integration.storage.conftest import delete_keys, redis_times_out
from tests.unit.adapters.builders import new_id, payment

pytestmark = pytest.mark.integration


@dataclass
class Scene:
    """Two gateway processes' caches on one Redis (settled copies live 300 s), and one
    payment cached by the writer before a refund: `after` is its newer version."""

    writer: RedisPaymentCache
    reader: RedisPaymentCache
    after: Payment

    async def reader_sees(self) -> Payment | None:
        return await self.reader.get(self.after.merchant_id, self.after.id)


@pytest.fixture
async def scene(redis_url: str, redis_prefix: str) -> AsyncIterator[Scene]:
    writer = await RedisPaymentCache.open(redis_url, ttl_seconds=300, key_prefix=redis_prefix)
    reader = await RedisPaymentCache.open(redis_url, ttl_seconds=300, key_prefix=redis_prefix)
    p = payment()
    p.authorize("auth-1", p.created_at)
    p.confirm_action(p.capture(new_id(), None, p.created_at).id, p.created_at)
    await writer.put(p)
    before = p.version
    p.confirm_action(p.refund(new_id(), 500, p.created_at).id, p.created_at)
    assert p.version > before
    scene = Scene(writer, reader, decode_json(encode_json(p)))
    assert (await scene.reader_sees()) is not None
    yield scene
    await writer.close()
    await reader.close()
    delete_keys(redis_url, redis_prefix)


async def test_a_lost_write_deletes_the_older_copy_before_it_returns(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scene.writer, "_put_script", redis_times_out)
    await scene.writer.put(scene.after)
    # Without the delete, the reader would show the payment without its refund for 300 s.
    assert await scene.reader_sees() is None
    assert len(scene.writer._lost) == 0


async def test_while_redis_does_not_answer_the_delete_is_retried_until_it_lands(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_delete = scene.writer._client.delete
    refusals = {"left": 3}

    async def delete_when_back(*keys: str) -> Any:
        if refusals["left"]:
            refusals["left"] -= 1
            raise RedisTimeout("Timeout reading from socket")
        return await real_delete(*keys)

    monkeypatch.setattr(scene.writer, "_put_script", redis_times_out)
    monkeypatch.setattr(scene.writer._client, "delete", delete_when_back)
    await scene.writer.put(scene.after)
    assert await scene.reader_sees() is not None  # the older copy, for now

    deadline = time.monotonic() + 10
    # Both: the reader's GET can answer before the writer's task has noted its DEL done.
    while await scene.reader_sees() is not None or len(scene.writer._lost):
        assert time.monotonic() < deadline, "the older copy was never deleted"
        await asyncio.sleep(0.02)
    assert refusals["left"] == 0


async def test_a_newer_write_that_lands_cancels_the_pending_delete(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    put_script = scene.writer._put_script
    monkeypatch.setattr(scene.writer, "_put_script", redis_times_out)
    monkeypatch.setattr(scene.writer._client, "delete", redis_times_out)
    await scene.writer.put(scene.after)
    assert len(scene.writer._lost) == 1

    monkeypatch.setattr(scene.writer, "_put_script", put_script)
    scene.writer._outage.came_back()  # Redis answers again: the next write is sent
    await scene.writer.put(scene.after)
    assert len(scene.writer._lost) == 0
    cached = await scene.reader_sees()
    assert cached is not None and cached.version == scene.after.version
