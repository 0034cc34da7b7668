from __future__ import annotations

import asyncio

from adapters.observability import GatewayMetrics
from entrypoints.runtime.settlement import settle_once, settlement_loop
from paycore.use_cases import SettlementReport


async def test_a_failing_sweep_is_logged_not_raised() -> None:
    calls = 0

    async def broken() -> SettlementReport:
        nonlocal calls
        calls += 1
        raise ConnectionError("database down")

    async def resolve():
        return broken

    await settle_once(resolve)
    await settle_once(resolve)

    assert calls == 2


async def test_a_sweep_reports_what_stayed_pending() -> None:
    metrics = GatewayMetrics()

    async def sweep() -> SettlementReport:
        return SettlementReport(still_pending=[object(), object()])  # type: ignore[list-item]

    async def resolve():
        return sweep

    await settle_once(resolve, metrics)

    assert metrics.registry.get_sample_value("paygate_pending_payments") == 2


async def test_the_loop_keeps_sweeping_and_stops_cleanly() -> None:
    sweeps = asyncio.Event()
    count = 0

    async def sweep() -> SettlementReport:
        nonlocal count
        count += 1
        if count >= 3:
            sweeps.set()
        if count == 1:
            raise RuntimeError("one bad sweep")
        return SettlementReport()

    async def resolve():
        return sweep

    async with settlement_loop(resolve, interval=0.001):
        await asyncio.wait_for(sweeps.wait(), timeout=10)

    assert count >= 3
