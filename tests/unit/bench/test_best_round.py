"""Taking turns, N rounds a database size: each load keeps its best round, and what must
never happen (a sequential scan, a read of an id already read) counts from every round."""

from __future__ import annotations

from bench.database_runs import _best
from bench.gateway import Figures, Load
from bench.scans import Scans
from bench.verdicts import DatabaseRun
from bench.wrk_runner import LoadResult


def _result(rps: float, p99_ms: float = 10.0) -> LoadResult:
    return LoadResult(int(rps * 8), 8.0, rps, 5.0, p99_ms, 0)


def _round(
    post_rps: float, p99_ms: float, cached_rps: float, *, seq: int, repeats: int, rss: float
) -> DatabaseRun:
    figures = Figures(
        post=Load(_result(post_rps), 2000 / post_rps),
        post16=_result(post_rps, p99_ms),
        cached_get=Load(_result(cached_rps), 1000 / cached_rps),
        uncached_get=Load(_result(cached_rps / 2), 2000 / cached_rps),
        uncached_repeats=repeats,
        worker_rss_mb=[rss, rss - 1],
    )
    scans = Scans({"payments": seq, "idempotency_keys": 0}, {"payments": 100})
    return DatabaseRun(1000, figures, scans, sweep_ms=post_rps / 1000)


def test_each_load_keeps_its_best_round_and_failures_add_up() -> None:
    slow = _round(300, 40.0, 4000, seq=0, repeats=0, rss=99)
    fast = _round(600, 70.0, 3000, seq=1, repeats=5, rss=97)
    best = _best([slow, fast])
    assert best.figures.post is fast.figures.post  # the most payments a second
    assert best.figures.post16 is slow.figures.post16  # the lowest p99
    assert best.figures.cached_get is slow.figures.cached_get
    assert best.figures.uncached_get is slow.figures.uncached_get
    assert best.figures.uncached_repeats == 5  # any round's repeats show
    assert best.figures.worker_rss_mb == [99, 98]  # the most memory, not the least
    assert best.scans.sequential["payments"] == 1  # a scan in one round is a scan
    assert best.scans.by_index["payments"] == 200
    assert best.sweep_ms == 0.3


def test_one_round_is_itself() -> None:
    only = _round(300, 40.0, 4000, seq=0, repeats=0, rss=99)
    assert _best([only]) is only
