"""Real banksim processes on ephemeral loopback ports, started together, always stopped."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

import httpx

STARTUP_SECONDS = 30.0
REPO = Path(__file__).parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_banksims(configs: Mapping[str, Sequence[str]]) -> Iterator[dict[str, str]]:
    """Base URLs by name of banksims started at once (startup is CPU-bound imports)."""
    with ExitStack() as stack:
        pending = {name: stack.enter_context(_spawn(args)) for name, args in configs.items()}
        urls = {name: _wait_healthy(*spawned) for name, spawned in pending.items()}
        yield urls


@contextmanager
def _spawn(args: Sequence[str]) -> Iterator[tuple[subprocess.Popen[bytes], str, IO[bytes]]]:
    port = free_port()
    with tempfile.NamedTemporaryFile() as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "banksim", "--host", "127.0.0.1", "--port", str(port), *args],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        try:
            yield process, f"http://127.0.0.1:{port}", output
        finally:
            _stop(process)


def _wait_healthy(process: subprocess.Popen[bytes], url: str, output: IO[bytes]) -> str:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/health", timeout=1.0, trust_env=False).status_code == 200:
                return url
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    output.seek(0)
    raise RuntimeError(f"banksim at {url} did not start:\n{output.read().decode()[-2000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
