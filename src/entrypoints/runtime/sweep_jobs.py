"""The sweep's jobs: each resolves its use case (its resources open on first use), runs
it once, and logs and counts what it did."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import structlog

from adapters.observability import GatewayMetrics
from entrypoints.runtime.sweep import Job
from paycore.use_cases import (
    ExpireAuthorizations,
    PurgeExpired,
    SettlePendingActions,
    SettlePendingPayments,
)

log = structlog.get_logger("paygate.sweep")


def settle_payments(
    resolve: Callable[[], Awaitable[SettlePendingPayments]], metrics: GatewayMetrics
) -> Job:
    async def job() -> None:
        sweep = await resolve()
        report = await sweep()
        metrics.pending_payments.set(len(report.still_pending))
        if report.settled or report.still_pending or report.given_up or report.lost_races:
            log.info(
                "settlement sweep",
                settled=[(p.id, p.status.value) for p in report.settled],
                still_pending=len(report.still_pending),
                given_up=[p.id for p in report.given_up],
                lost_races=report.lost_races,
            )

    return job


def settle_actions(resolve: Callable[[], Awaitable[SettlePendingActions]]) -> Job:
    async def job() -> None:
        sweep = await resolve()
        report = await sweep()
        if report.settled or report.still_pending or report.given_up or report.lost_races:
            log.info(
                "action settlement sweep",
                settled=[(a.id, a.type.value, a.status.value) for a in report.settled],
                still_pending=report.still_pending,
                given_up=[a.id for a in report.given_up],
                lost_races=report.lost_races,
            )

    return job


def expire_authorizations(
    resolve: Callable[[], Awaitable[ExpireAuthorizations]], metrics: GatewayMetrics
) -> Job:
    async def job() -> None:
        sweep = await resolve()
        report = await sweep()
        metrics.expired_authorizations.inc(len(report.expired))
        if report.expired or report.skipped or report.lost_races:
            log.info(
                "expiry sweep",
                expired=[p.id for p in report.expired],
                skipped=report.skipped,
                lost_races=report.lost_races,
            )

    return job


def purge_expired(resolve: Callable[[], Awaitable[PurgeExpired]], metrics: GatewayMetrics) -> Job:
    async def job() -> None:
        purge = await resolve()
        report = await purge()
        metrics.purged_rows.labels("idempotency_keys").inc(report.idempotency_keys)
        metrics.purged_rows.labels("refresh_tokens").inc(report.refresh_tokens)
        if report.idempotency_keys or report.refresh_tokens:
            log.info(
                "retention sweep",
                idempotency_keys=report.idempotency_keys,
                refresh_tokens=report.refresh_tokens,
            )

    return job
