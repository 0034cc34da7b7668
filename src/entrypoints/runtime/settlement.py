"""The background sweep that settles Pending payments; it logs and carries on, never crashes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog

from adapters.observability import GatewayMetrics
from paycore.use_cases import SettlementReport

log = structlog.get_logger("paygate.settlement")


Settle = Callable[[], Awaitable[SettlementReport]]


async def settle_once(
    resolve_settle: Callable[[], Awaitable[Settle]], metrics: GatewayMetrics | None = None
) -> None:
    try:
        settle = await resolve_settle()
        report = await settle()
    except Exception:
        log.exception("settlement sweep failed; retrying at the next interval")
        return
    if metrics is not None:
        metrics.pending_payments.set(len(report.still_pending))
    if report.settled or report.still_pending or report.given_up or report.lost_races:
        log.info(
            "settlement sweep",
            settled=[(p.id, p.status.value) for p in report.settled],
            still_pending=len(report.still_pending),
            given_up=[p.id for p in report.given_up],
            lost_races=report.lost_races,
        )


async def settle_forever(
    resolve_settle: Callable[[], Awaitable[Settle]],
    interval: float,
    metrics: GatewayMetrics | None = None,
) -> None:
    while True:
        await asyncio.sleep(interval)
        await settle_once(resolve_settle, metrics)


@asynccontextmanager
async def settlement_loop(
    resolve_settle: Callable[[], Awaitable[Any]],
    interval: float,
    metrics: GatewayMetrics | None = None,
) -> AsyncIterator[None]:
    sweeps = settle_forever(resolve_settle, interval, metrics)
    task = asyncio.create_task(sweeps, name="settlement")
    try:
        yield
    finally:
        task.cancel()
        # Cancellation lands between sweeps or inside one; either way Pending stays Pending.
        await asyncio.gather(task, return_exceptions=True)
