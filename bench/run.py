"""The benchmark: paygate's payment path against its ceilings, on this machine.

Starts the bank simulator, a bare Litestar app (the ceiling: same server and workers, no
work) and the gateway (embedded, and on PostgreSQL + Redis), drives each with wrk from
another process and prints requests/s, p50, p99, errors, CPU per request and resident
memory per worker, with each result as a ratio to its ceiling.

    uv run python -m bench.run                 # full run (~2 minutes)
    uv run python -m bench.run --quick         # seconds; what CI runs so the harness can't rot
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import gateway
from bench.processes import free_port, python, start, stop, wait_http
from bench.wrk_runner import LoadResult, run_wrk

REPO = Path(__file__).resolve().parent.parent


def _row(name: str, result: LoadResult, ceiling: LoadResult | None, extra: str = "") -> None:
    ratio = f"{result.rps / ceiling.rps:6.1%}" if ceiling else "     -"
    print(
        f"{name:<44} {result.rps:9.0f} {ratio:>7} {result.p50_ms:8.2f} {result.p99_ms:8.2f}"
        f" {result.errors:7d}  {extra}"
    )


def _header() -> None:
    print(f"{'endpoint':<44} {'req/s':>9} {'of ceil':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")


def bare_server(server: str, workers: int, port: int) -> list[str]:
    target = "bench.bare_app:create_app"
    return [
        python(),
        "-m",
        "uvicorn",
        "--factory",
        target,
        "--workers",
        str(workers),
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
    ]


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
        _header()
        bank_alone = gateway.bank_ceiling(bank_port, connections=args.connections, seconds=seconds)
        _row(f"banksim POST /payments (c={args.connections})", bank_alone, None)
        for server in args.servers:
            bare_port = free_port()
            bare = start(
                bare_server(server, args.workers, bare_port),
                cwd=REPO,
                env={},
                log=work / f"bare-{server}.log",
            )
            try:
                wait_http(f"http://127.0.0.1:{bare_port}/ping", bare)
                ceiling = run_wrk(
                    f"http://127.0.0.1:{bare_port}/ping",
                    connections=args.connections,
                    seconds=seconds,
                )
                _row(f"[{server}] bare Litestar GET /ping", ceiling, None)
            finally:
                stop(bare)
            for stack in args.stacks:
                gateway.measure(
                    stack=stack,
                    server=server,
                    workers=args.workers,
                    bank_port=bank_port,
                    seconds=seconds,
                    work=work,
                    connections=args.connections,
                    ceiling=ceiling,
                    bank_alone=bank_alone,
                    row=_row,
                )
    finally:
        stop(bank)
    print(f"(logs in {work})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2-second runs, for CI")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each load run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--servers", nargs="+", default=["uvicorn"], choices=["uvicorn"])
    parser.add_argument(
        "--stacks", nargs="+", default=["embedded", "postgres"], choices=["embedded", "postgres"]
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
