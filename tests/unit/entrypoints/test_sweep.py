from __future__ import annotations

import asyncio
from typing import Any

from adapters.observability import GatewayMetrics
from entrypoints.runtime.sweep import sweep_loop, sweep_once
from entrypoints.runtime.sweep_jobs import expire_authorizations, settle_actions, settle_payments
from paycore.use_cases import ActionSettlementReport, ExpiryReport, SettlementReport


def resolving(use_case: Any) -> Any:
    async def resolve() -> Any:
        return use_case

    return resolve


async def test_a_failing_job_is_logged_and_the_others_still_run() -> None:
    ran: list[str] = []

    async def broken() -> None:
        ran.append("broken")
        raise ConnectionError("database down")

    async def healthy() -> None:
        ran.append("healthy")

    jobs = {"broken": broken, "healthy": healthy}
    await sweep_once(jobs)
    await sweep_once(jobs)

    assert ran == ["broken", "healthy", "broken", "healthy"]


async def test_a_use_case_that_cannot_be_resolved_fails_only_its_job() -> None:
    async def unresolvable() -> Any:
        raise ConnectionError("bank resource failed to open")

    async def expiry() -> ExpiryReport:
        return ExpiryReport()

    metrics = GatewayMetrics()
    jobs = {
        "settle_actions": settle_actions(unresolvable),
        "expire": expire_authorizations(resolving(expiry), metrics),
    }
    await sweep_once(jobs)

    assert metrics.registry.get_sample_value("paygate_expired_authorizations_total") == 0


async def test_the_jobs_report_what_stayed_pending_and_what_expired() -> None:
    metrics = GatewayMetrics()

    async def settle() -> SettlementReport:
        return SettlementReport(still_pending=[object(), object()])  # type: ignore[list-item]

    async def expire() -> ExpiryReport:
        return ExpiryReport(expired=[object()] * 3, skipped=1)  # type: ignore[list-item]

    async def settle_pending_actions() -> ActionSettlementReport:
        return ActionSettlementReport(still_pending=1)

    await sweep_once(
        {
            "settle_payments": settle_payments(resolving(settle), metrics),
            "settle_actions": settle_actions(resolving(settle_pending_actions)),
            "expire": expire_authorizations(resolving(expire), metrics),
        }
    )

    assert metrics.registry.get_sample_value("paygate_pending_payments") == 2
    assert metrics.registry.get_sample_value("paygate_expired_authorizations_total") == 3


async def test_one_loop_keeps_running_every_job_and_stops_cleanly() -> None:
    done = asyncio.Event()
    counts = {"settle": 0, "expire": 0}

    async def settle() -> None:
        counts["settle"] += 1
        if counts["settle"] == 1:
            raise RuntimeError("one bad sweep")

    async def expire() -> None:
        counts["expire"] += 1
        if counts["expire"] >= 3:
            done.set()

    async with sweep_loop({"settle": settle, "expire": expire}, interval=0.001):
        await asyncio.wait_for(done.wait(), timeout=10)

    assert counts["settle"] >= 3
    assert len(asyncio.all_tasks()) == 1  # only this test's: the loop is gone


async def test_a_slow_job_never_delays_the_others_nor_overlaps_itself() -> None:
    release = asyncio.Event()
    running = {"slow": 0, "most_at_once": 0}
    fast_runs = 0

    async def slow() -> None:
        running["slow"] += 1
        running["most_at_once"] = max(running["most_at_once"], running["slow"])
        await release.wait()
        running["slow"] -= 1

    async def fast() -> None:
        nonlocal fast_runs
        fast_runs += 1
        if fast_runs == 20:
            release.set()

    async with sweep_loop({"slow": slow, "fast": fast}, interval=0.001):
        await asyncio.wait_for(release.wait(), timeout=10)

    assert fast_runs >= 20  # ran on while `slow` was stuck in its first run
    assert running["most_at_once"] == 1


async def test_each_job_runs_at_its_own_interval() -> None:
    counts = {"often": 0, "rarely": 0}
    done = asyncio.Event()

    async def often() -> None:
        counts["often"] += 1
        if counts["often"] == 30:
            done.set()

    async def rarely() -> None:
        counts["rarely"] += 1

    async with sweep_loop({"often": often, "rarely": rarely}, 3600.0, {"often": 0.001}):
        await asyncio.wait_for(done.wait(), timeout=10)

    assert counts["rarely"] == 0
