"""Proof that no request path and no sweep reads `payments` sequentially: PostgreSQL's own
per-table counters, reset before the gateway starts and read after it stops (a backend
reports its counters when it exits, so nothing is lost to the statistics' flush delay).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg

TABLES = ("payments", "idempotency_keys")


@dataclass(frozen=True)
class Scans:
    sequential: dict[str, int]
    by_index: dict[str, int]


def reset(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_reset()")


def read(url: str) -> Scans:
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables "
            "WHERE relname = ANY(%s)",
            (list(TABLES),),
        ).fetchall()
    return Scans({r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows})


def sweep_query_ms(url: str, *, settle_after: float, runs: int = 50) -> float:
    """The median time of the settlement sweep's query, through the storage adapter."""
    return asyncio.run(_sweep_query_ms(url, settle_after, runs))


async def _sweep_query_ms(url: str, settle_after: float, runs: int) -> float:
    from adapters.postgres import PostgresDatabase  # the gateway's own statement

    db = await PostgresDatabase.open(url, 1, 1)
    try:
        times = []
        for _ in range(runs):
            now = datetime.now(UTC)
            began = time.perf_counter()
            async with db.unit_of_work() as uow:
                await uow.payments.due_for_settlement(
                    now - timedelta(seconds=settle_after), now, 100
                )
            times.append((time.perf_counter() - began) * 1000)
        return statistics.median(times)
    finally:
        await db.close()
