"""Real `python -m ...` processes on loopback ports: spawned, waited for, always stopped.

Each process gets its own session (process group), so a `serve --workers N` parent and its
workers can be killed together if a graceful stop does not finish in time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx

STARTUP_SECONDS = 90.0  # generous: imports are CPU-bound and the cores are shared
STOP_SECONDS = 20.0
# Variables of the caller that must not reach the processes under test.
_INHERITED_NOT = ("PAYGATE_", "BANKSIM_", "PROMETHEUS_MULTIPROC_DIR")


def clean_environment(extra: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_INHERITED_NOT)}
    env["PAYGATE_LOG_FORMAT"] = "json"
    env.update(extra)
    return env


class Service:
    """One spawned process; its output goes to `<folder>/<name>.log` for post-mortems."""

    def __init__(
        self,
        name: str,
        args: Sequence[str],
        port: int,
        folder: Path,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.url = f"http://127.0.0.1:{port}"
        self.log = folder / f"{name}.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", *args],
                cwd=folder,  # no stray .env file of the repository is read
                env=clean_environment(env or {}),
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_healthy(self) -> Service:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{self.url}/health", timeout=2.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} did not become healthy:\n{self.tail()}")

    def tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        """SIGTERM (a graceful uvicorn shutdown), then SIGKILL to the whole group."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            # Not reaped yet, so the group id is still ours: the parent and its workers.
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_all(services: Sequence[Service]) -> list[Service]:
    """Wait for services spawned together (their startups overlap); stop all on failure."""
    try:
        return [service.wait_healthy() for service in services]
    except BaseException:
        stop_all(services)
        raise


def stop_all(services: Sequence[Service]) -> None:
    for service in services:  # signal every one first, so their shutdowns overlap
        if service.process.poll() is None:
            service.process.terminate()
    for service in services:
        service.stop()
