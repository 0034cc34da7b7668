"""The PostgreSQL + Redis stack on a small database and, with --large, on a million payments.

Both runs start from payments loaded by COPY (the small one needs stored payments too, for
reads that miss the cache); the scan counters are reset before each gateway starts and read
after it stops, and the sweep's query is timed after each run.
"""

from __future__ import annotations

from bench import bulk_load, scans
from bench.gateway import LoadPlan, measure
from bench.stack import SETTLE_AFTER, Stack
from bench.verdicts import DatabaseRun, Verdicts

SMALL_ROWS, QUICK_ROWS = 20_000, 2_000


def postgres_runs(
    prepared: Stack, verdicts: Verdicts, plan: LoadPlan, *, large_rows: int | None, quick: bool
) -> None:
    small = QUICK_ROWS if quick else SMALL_ROWS
    verdicts.small = _run(prepared, plan, small, "small", loaded_before=0)
    if large_rows:
        verdicts.large = _run(prepared, plan, large_rows, "large", loaded_before=small)


def _run(
    prepared: Stack, plan: LoadPlan, rows: int, size: str, *, loaded_before: int
) -> DatabaseRun:
    url = prepared.database_url
    assert url is not None
    ids = prepared.cwd / f"ids-{size}.txt"
    merchant_id = prepared.merchant["merchant_id"]
    bulk_load.load(url, merchant_id, rows, ids, readable=min(rows // 2, 200_000))
    scans.reset(url)
    label = f"postgres {loaded_before + rows:,} rows"
    figures = measure(prepared, plan, label=label, ids_file=ids)
    counted = scans.read(url)
    sweep_ms = scans.sweep_query_ms(url, settle_after=SETTLE_AFTER)
    print(
        f"{'':<48} scans of payments: {counted.sequential.get('payments', 0)} sequential, "
        f"{counted.by_index.get('payments', 0)} by index; sweep query {sweep_ms:.2f} ms"
    )
    return DatabaseRun(loaded_before + rows, figures, counted, sweep_ms)
