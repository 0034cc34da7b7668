"""The benchmark: paygate's payment path against its ceilings and its targets, on this machine.

Starts the bank simulator, a bare Litestar app (the ceiling: same server and workers, no
work) and the gateway (embedded, and on PostgreSQL + Redis), drives each with wrk from
another process and prints requests/s, p50, p99, errors, CPU per request and resident
memory per worker, each result as a ratio to its ceiling, then every target with "met" or
"not met" (bench/targets.py, bench/verdicts.py).

    uv run python -m bench.run                 # full run, small database (~3 minutes)
    uv run python -m bench.run --large         # and again with 1,000,000 payments loaded
    uv run python -m bench.run --large --rounds 3   # the sizes taking turns, best of three
    uv run python -m bench.run --quick         # seconds; what CI runs so the harness can't rot

The servers run on the deployed install (bench/deployed.py), `--dev-env` on this one.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import gateway, stack
from bench.ceilings import bare_ceiling
from bench.database_runs import postgres_runs
from bench.deployed import deployed_python
from bench.gateway import Load, LoadPlan
from bench.processes import free_port, python, start, stop, use_python, wait_http
from bench.targets import print_targets
from bench.verdicts import Verdicts, print_machine_speed
from bench.wrk_runner import LoadResult

REPO = Path(__file__).resolve().parent.parent


class Table:
    def __init__(self) -> None:
        self.ceiling: LoadResult | None = None
        columns = f"{'req/s':>9} {'of ceil':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        print(f"{'endpoint':<48} {columns}")

    def row(self, name: str, load: Load | LoadResult, extra: str = "") -> None:
        result = load.result if isinstance(load, Load) else load
        ratio = f"{result.rps / self.ceiling.rps:6.1%}" if self.ceiling else "     -"
        print(
            f"{name:<48} {result.rps:9.0f} {ratio:>7} {result.p50_ms:8.2f} {result.p99_ms:8.2f}"
            f" {result.errors:7d}  {extra}"
        )


def run(args: argparse.Namespace) -> None:
    seconds = 2 if args.quick else args.seconds
    work = Path(tempfile.mkdtemp(prefix="paygate-bench-"))
    bank_port = free_port()
    bank = start(
        [python(), "-m", "banksim", "--port", str(bank_port)],
        cwd=REPO,
        env={},
        log=work / "banksim.log",
    )
    try:
        wait_http(f"http://127.0.0.1:{bank_port}/health", bank)
        table = Table()
        bank_alone = gateway.bank_ceiling(bank_port, connections=args.connections, seconds=seconds)
        table.row(f"banksim POST /payments (c={args.connections})", bank_alone)
        ceiling = bare_ceiling(
            workers=args.workers,
            connections=args.connections,
            seconds=seconds,
            work=work,
            row=table.row,
        )
        table.ceiling = ceiling.result
        verdicts = Verdicts(ceiling.result, bare_cpu_ms=ceiling.cpu_ms)
        plan = LoadPlan(args.workers, seconds, args.connections, table.row)
        for name in args.stacks:
            if name == "postgres":
                postgres_runs(
                    lambda label: stack.prepare("postgres", bank_port, work / label),
                    verdicts,
                    plan,
                    large_rows=args.large_rows if args.large else None,
                    quick=args.quick,
                    rounds=args.rounds,
                )
                continue
            prepared = stack.prepare(name, bank_port, work / name)
            try:
                verdicts.embedded = gateway.measure(prepared, plan, label="embedded")
            finally:
                stack.drop(prepared)
    finally:
        stop(bank)
    print_targets(verdicts.targets())
    print_machine_speed(verdicts)
    print(f"(logs in {work})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2-second runs, for CI")
    parser.add_argument("--large", action="store_true", help="also with 1,000,000 payments")
    parser.add_argument("--large-rows", type=int, default=1_000_000)
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="PostgreSQL runs per database size, the sizes taking turns; each keeps its best",
    )
    parser.add_argument("--seconds", type=float, default=8.0, help="duration of each load run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--stacks", nargs="+", default=["embedded", "postgres"], choices=["embedded", "postgres"]
    )
    parser.add_argument(
        "--dev-env",
        action="store_true",
        help="run the servers on this interpreter, not on the deployed install (bench/deployed.py)",
    )
    args = parser.parse_args()
    if not args.dev_env:
        use_python(deployed_python())
    run(args)


if __name__ == "__main__":
    main()
