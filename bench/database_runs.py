"""The PostgreSQL + Redis stack on a small database and, with --large, on a million payments.

Each size has its own database, loaded by COPY (the small one needs stored payments too,
for reads that miss the cache). With --rounds N the sizes take turns, N times each, so a
machine that slows down for a minute (a shared virtual machine does) slows both sizes
alike; each size keeps the best of its rounds, load by load, and every round's rows are
printed. Before each gateway starts, the cache is emptied (its reads that should miss do)
and the scan counters are reset; they are read after it stops, and the sweep's query is
timed after each round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import redis

from bench import bulk_load, scans
from bench.gateway import Figures, LoadPlan, measure
from bench.stack import SETTLE_AFTER, Stack, drop
from bench.verdicts import DatabaseRun, Verdicts

# The small database still holds 50,000 of the merchant's payments: the reads that miss the
# cache read each id once, and at up to 6,000 reads/s an 8 s run needs that many ids (with
# 20,000 rows, 10,000 ids ran out after 3 s and the rest of the "uncached" run hit the cache).
SMALL_ROWS, QUICK_ROWS = 100_000, 2_000


@dataclass
class _Size:
    stack: Stack
    rows: int
    label: str
    rounds: list[DatabaseRun] = field(default_factory=list)


def postgres_runs(
    new_stack: Callable[[str], Stack],
    verdicts: Verdicts,
    plan: LoadPlan,
    *,
    large_rows: int | None,
    quick: bool,
    rounds: int = 1,
) -> None:
    small_rows = QUICK_ROWS if quick else SMALL_ROWS
    sizes: list[_Size] = []
    try:
        sizes.append(_loaded(new_stack("postgres"), small_rows, "small"))
        if large_rows:
            # The same small part, and the million on top of it.
            sizes.append(_loaded(new_stack("postgres-large"), small_rows + large_rows, "large"))
        for _ in range(rounds):
            for size in sizes:
                size.rounds.append(_run(size, plan))
    finally:
        for size in sizes:
            drop(size.stack)
    verdicts.small = _best(sizes[0].rounds)
    if large_rows:
        verdicts.large = _best(sizes[1].rounds)


def _loaded(stack: Stack, rows: int, size: str) -> _Size:
    url = stack.database_url
    assert url is not None
    ids = stack.cwd / "ids.txt"
    bulk_load.load(url, stack.merchant["merchant_id"], rows, ids, readable=min(rows // 2, 200_000))
    return _Size(stack, rows, size)


def _run(size: _Size, plan: LoadPlan) -> DatabaseRun:
    url = size.stack.database_url
    assert url is not None
    with redis.Redis.from_url(size.stack.env["PAYGATE_REDIS_URL"]) as cache:
        cache.flushdb()  # the other size's run, or the last round, cached these ids
    scans.reset(url)
    label = f"postgres {size.rows:,} rows"
    figures = measure(size.stack, plan, label=label, ids_file=size.stack.cwd / "ids.txt")
    counted = scans.read(url)
    sweep_ms = scans.sweep_query_ms(url, settle_after=SETTLE_AFTER)
    print(
        f"{'':<48} scans of payments: {counted.sequential.get('payments', 0)} sequential, "
        f"{counted.by_index.get('payments', 0)} by index; sweep query {sweep_ms:.2f} ms"
    )
    return DatabaseRun(size.rows, figures, counted, sweep_ms)


def _best(runs: list[DatabaseRun]) -> DatabaseRun:
    """Each load's best round (noise only ever slows a run down); every round's count of what
    must never happen (a sequential scan, an id read twice) and the most memory."""
    if len(runs) == 1:
        return runs[0]
    every = [run.figures for run in runs]
    uncached = [f.uncached_get for f in every if f.uncached_get is not None]
    figures = Figures(
        post=max((f.post for f in every), key=lambda load: load.result.rps),
        post16=min((f.post16 for f in every), key=lambda result: result.p99_ms),
        cached_get=max((f.cached_get for f in every), key=lambda load: load.result.rps),
        uncached_get=max(uncached, key=lambda load: load.result.rps) if uncached else None,
        uncached_repeats=max(f.uncached_repeats for f in every),
        worker_rss_mb=max((f.worker_rss_mb for f in every), key=lambda mbs: max(mbs, default=0)),
    )
    sequential = {
        table: sum(run.scans.sequential.get(table, 0) for run in runs) for table in scans.TABLES
    }
    by_index = {
        table: sum(run.scans.by_index.get(table, 0) for run in runs) for table in scans.TABLES
    }
    sweep_ms = min(run.sweep_ms for run in runs)
    return DatabaseRun(runs[0].rows, figures, scans.Scans(sequential, by_index), sweep_ms)
