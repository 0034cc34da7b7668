"""The framework's ceiling: a bare Litestar app on the gateway's server and workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.gateway import Load, measured
from bench.processes import free_port, python, start, stop, tree, wait_http
from bench.wrk_runner import run_wrk

REPO = Path(__file__).resolve().parent.parent
_TARGET = "bench.bare_app:create_app"


def bare_server(workers: int, port: int) -> list[str]:
    """The gateway's own server settings (`paygate serve`): uvicorn, uvloop, httptools."""
    return [
        *(python(), "-m", "uvicorn", "--factory", _TARGET, "--workers", str(workers)),
        *("--port", str(port), "--loop", "uvloop", "--http", "httptools"),
        *("--no-access-log", "--log-level", "warning"),
    ]


def bare_ceiling(
    *,
    workers: int,
    connections: int,
    seconds: float,
    work: Path,
    row: Callable[..., None],
) -> Load:
    """The bare endpoint's requests/s, and what one request costs this machine's CPU."""
    port = free_port()
    bare = start(bare_server(workers, port), cwd=REPO, env={}, log=work / "bare.log")
    try:
        wait_http(f"http://127.0.0.1:{port}/ping", bare)
        url = f"http://127.0.0.1:{port}/ping"
        ceiling = measured(
            tree(bare.pid), lambda: run_wrk(url, connections=connections, seconds=seconds)
        )
        row("bare Litestar GET /ping", ceiling, ceiling.cpu_note)
        return ceiling
    finally:
        stop(bare)
