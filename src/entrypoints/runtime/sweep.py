"""The background sweep: one loop that runs every job each interval (settling Pending
payments and actions, expiring authorizations). A failing job is logged and the others
still run; nothing a job raises stops the loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager

import structlog

log = structlog.get_logger("paygate.sweep")

Job = Callable[[], Awaitable[None]]


async def sweep_once(jobs: Mapping[str, Job]) -> None:
    for name, job in jobs.items():
        try:
            await job()
        except Exception:
            log.exception("sweep job failed; retrying at the next interval", job=name)


async def sweep_forever(jobs: Mapping[str, Job], interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        await sweep_once(jobs)


@asynccontextmanager
async def sweep_loop(jobs: Mapping[str, Job], interval: float) -> AsyncIterator[None]:
    task = asyncio.create_task(sweep_forever(jobs, interval), name="sweep")
    try:
        yield
    finally:
        task.cancel()
        # Cancellation lands between jobs or inside one; either way Pending stays Pending.
        await asyncio.gather(task, return_exceptions=True)
