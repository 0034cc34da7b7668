"""The background scheduler: every job runs in its own task at its own interval, so a slow
job (a webhook delivery waiting out its timeout, a settlement on a slow bank) never delays
the others, and a job never overlaps itself (its next run starts once this one is over).
A failing job is logged and runs again at its next interval; nothing a job raises stops
the scheduler.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager

import structlog

log = structlog.get_logger("paygate.sweep")

Job = Callable[[], Awaitable[None]]


async def run_job(name: str, job: Job) -> None:
    try:
        await job()
    except Exception:
        log.exception("sweep job failed; retrying at the next interval", job=name)


async def sweep_once(jobs: Mapping[str, Job]) -> None:
    """Every job once, one after the other (a CLI task, a test)."""
    for name, job in jobs.items():
        await run_job(name, job)


async def repeat(name: str, job: Job, interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        await run_job(name, job)


@asynccontextmanager
async def sweep_loop(
    jobs: Mapping[str, Job], interval: float, intervals: Mapping[str, float] | None = None
) -> AsyncIterator[None]:
    """Runs `jobs` while open: each every `intervals[name]` seconds, else every `interval`."""
    own = intervals or {}
    tasks = [
        asyncio.create_task(repeat(name, job, own.get(name, interval)), name=f"sweep:{name}")
        for name, job in jobs.items()
    ]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        # Cancellation lands between runs or inside one; either way Pending stays Pending,
        # and a delivery cut short is retried once its lease lapses.
        await asyncio.gather(*tasks, return_exceptions=True)
