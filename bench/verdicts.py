"""From one server's figures to the targets of the performance issue, each met or not."""

from __future__ import annotations

from dataclasses import dataclass

from bench.gateway import Figures
from bench.scans import Scans
from bench.targets import Target, at_least, at_most, flat
from bench.wrk_runner import LoadResult


@dataclass
class DatabaseRun:
    """The PostgreSQL + Redis stack on a database of some size."""

    rows: int
    figures: Figures
    scans: Scans
    sweep_ms: float


@dataclass
class Verdicts:
    ceiling: LoadResult
    bare_cpu_ms: float = 0.0  # what a bare request costs this machine's CPU
    embedded: Figures | None = None
    small: DatabaseRun | None = None
    large: DatabaseRun | None = None

    def targets(self) -> list[Target]:
        found: list[Target] = []
        if self.small is not None:
            found += self._postgres(self.small.figures)
        if self.embedded is not None:
            found += self._embedded(self.embedded)
        return found + self._memory() + self._scans() + self._flat()

    def _name(self, text: str) -> str:
        return text

    def _share(self, result: LoadResult) -> float:
        return result.rps / self.ceiling.rps

    def _postgres(self, pg: Figures) -> list[Target]:
        return [
            at_least(
                self._name("postgres POST c=64, of ceiling"), self._share(pg.post.result), 0.06
            ),
            at_most(self._name("postgres POST, CPU per payment"), pg.post.cpu_ms, 2.0, " ms"),
            at_most(self._name("postgres POST c=16, p99"), pg.post16.p99_ms, 50, " ms"),
            at_least(
                self._name("postgres cached GET c=64, of ceiling"),
                self._share(pg.cached_get.result),
                0.40,
            ),
            at_most(
                self._name("postgres cached GET, CPU per read"), pg.cached_get.cpu_ms, 0.5, " ms"
            ),
        ]

    def _embedded(self, em: Figures) -> list[Target]:
        return [
            at_least(
                self._name("embedded POST c=64, of ceiling"), self._share(em.post.result), 0.03
            ),
            at_least(
                self._name("embedded cached GET c=64, of ceiling"),
                self._share(em.cached_get.result),
                0.30,
            ),
        ]

    def _memory(self) -> list[Target]:
        runs = [self.embedded, *(r.figures for r in (self.small, self.large) if r)]
        rss = [mb for figures in runs if figures for mb in figures.worker_rss_mb]
        return (
            [at_most(self._name("resident memory per worker"), max(rss), 100, " MB")] if rss else []
        )

    def _scans(self) -> list[Target]:
        runs = [run for run in (self.small, self.large) if run is not None]
        return [
            at_most(
                self._name(f"sequential scans of payments, {run.rows:,} rows"),
                run.scans.sequential.get("payments", 0),
                0,
            )
            for run in runs
        ]

    def _flat(self) -> list[Target]:
        if self.small is None or self.large is None:
            return []
        a, b = self.small.figures, self.large.figures
        pairs = [
            ("POST req/s", a.post.result.rps, b.post.result.rps, True),
            ("cached GET req/s", a.cached_get.result.rps, b.cached_get.result.rps, True),
            ("settlement sweep query ms", self.small.sweep_ms, self.large.sweep_ms, False),
        ]
        if a.uncached_get and b.uncached_get:
            rps = (a.uncached_get.result.rps, b.uncached_get.result.rps)
            pairs.append(("uncached GET req/s", *rps, True))
        found = [
            flat(self._name(name), small, large, higher_is_better=higher)
            for name, small, large, higher in pairs
        ]
        if a.uncached_get and b.uncached_get:
            # The comparison above holds only if both runs' "uncached" reads all missed.
            repeats = a.uncached_repeats + b.uncached_repeats
            found.append(at_most(self._name("uncached GET reads of an id read before"), repeats, 0))
        return found


# The CPU bounds (2.0 and 0.5 ms) were set on a machine where a bare request cost 0.16 ms
# of CPU. On a slower or busier one both sides grow; in bare requests they compare.
REFERENCE_BARE_CPU_MS = 0.16


def print_machine_speed(verdicts: Verdicts) -> None:
    """The CPU figures in units of this run's bare request: comparable across machines."""
    bare = verdicts.bare_cpu_ms
    if bare <= 0 or verdicts.small is None:
        return
    figures = verdicts.small.figures
    print(
        f"\nA bare request cost {bare:.3f} ms of CPU here ({bare / REFERENCE_BARE_CPU_MS:.1f}x the"
        f" {REFERENCE_BARE_CPU_MS} ms the CPU bounds were set at); in bare requests:"
    )
    for name, cpu_ms, bound_ms in (
        ("postgres POST, CPU per payment", figures.post.cpu_ms, 2.0),
        ("postgres cached GET, CPU per read", figures.cached_get.cpu_ms, 0.5),
    ):
        scaled_bound = bound_ms / REFERENCE_BARE_CPU_MS
        print(f"  {name:<40} {cpu_ms / bare:6.1f} (the bound is {scaled_bound:.1f})")
