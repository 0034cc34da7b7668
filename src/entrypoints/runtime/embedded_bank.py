"""Embedded mode's bank: the simulator as a child process, on a free loopback port.

It is a separate process on purpose: the gateway reaches it only over HTTP, as it would
reach a real bank.
"""

from __future__ import annotations

import ctypes
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence

import httpx

READY_TIMEOUT_SECONDS = 30.0
_PR_SET_PDEATHSIG = 1


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """Even a gateway killed with SIGKILL must not leave its bank behind (Linux prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class EmbeddedBank:
    def __init__(self, process: subprocess.Popen[bytes], url: str) -> None:
        self.process = process
        self.url = url

    @classmethod
    def start(cls, host: str = "127.0.0.1", options: Sequence[str] = ()) -> EmbeddedBank:
        """`options` are the simulator's own flags, e.g. faults for tests."""
        port = free_port(host)
        command = [sys.executable, "-m", "banksim", "--host", host, "--port", str(port), *options]
        # A session of its own: Ctrl-C in the terminal reaches only the gateway, which
        # finishes its in-flight payments before it stops the bank.
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [*command, "--log-level", "warning"],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        bank = cls(process, f"http://{host}:{port}")
        try:
            bank._wait_until_healthy()
        except BaseException:
            bank.stop()
            raise
        return bank

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the bank simulator exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the bank simulator did not answer at {self.url}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
