"""Deleting, once Redis answers again, the copies a lost write left behind.

When a process's write of a newer version fails (a timeout while Redis is slow, an
outage, a partition), Redis may still hold the version before it, and every *other*
process would read that older copy until it expired: up to the full TTL for a captured
payment whose refund was just recorded. The process that lost the write knows the key,
so it deletes it: once at once, before its caller answers (a slow moment is often over by
then), otherwise in the background, retrying with a growing pause until Redis takes the
`DEL`. The others then miss and read the database. A deleted key that the lost write had
in fact reached costs one miss, nothing more.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import redis.asyncio as aioredis

FIRST_PAUSE_SECONDS = 0.05


class LostWrites:
    def __init__(self, client: aioredis.Redis, *, longest_ttl: float, max_pause: float) -> None:
        self._client = client
        self._longest_ttl = longest_ttl  # past it, a stale copy has expired on its own
        self._max_pause = max(max_pause, FIRST_PAUSE_SECONDS)
        self._until: dict[str, float] = {}  # key -> when its stale copy expires at the latest
        self._task: asyncio.Task[None] | None = None

    async def delete(self, key: str) -> None:
        """Try now; if Redis still does not answer, keep trying in the background."""
        try:
            await self._client.delete(key)
        except Exception:
            self.delete_later(key)
        else:
            self._until.pop(key, None)

    def delete_later(self, key: str) -> None:
        self._until[key] = time.monotonic() + self._longest_ttl
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._delete_all())

    def written(self, key: str) -> None:
        """A newer write of the key reached Redis: nothing stale is left to delete."""
        self._until.pop(key, None)

    def __len__(self) -> int:
        return len(self._until)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _delete_all(self) -> None:
        pause = FIRST_PAUSE_SECONDS
        while self._until:
            await asyncio.sleep(pause)
            now = time.monotonic()
            keys = [key for key, until in self._until.items() if until > now]
            if not keys:
                break
            try:
                await self._client.delete(*keys)
            except Exception:  # still down: try again later, never the caller's problem
                pause = min(pause * 2, self._max_pause)
                continue
            for key in keys:
                self._until.pop(key, None)
            pause = FIRST_PAUSE_SECONDS
        self._until.clear()
