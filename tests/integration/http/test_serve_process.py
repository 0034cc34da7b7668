"""The README quickstart against a real `paygate serve` process with no configuration."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from entrypoints.runtime.demo import COMMANDS_END, COMMANDS_START
from entrypoints.runtime.embedded_bank import free_port

STARTUP_SECONDS = 60


class Servers:
    """Starts `python -m entrypoints serve` in one directory; kills leftovers at the end."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.started: list[subprocess.Popen[str]] = []

    def start(self, name: str) -> tuple[subprocess.Popen[str], str, Path]:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAYGATE_")}
        env["PAYGATE_LOG_FORMAT"] = "json"
        out = self.directory / f"{name}.stdout"
        with out.open("w") as stdout, (self.directory / f"{name}.stderr").open("w") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "entrypoints", "serve", "--port", str(port)],
                cwd=self.directory,
                env=env,
                stdout=stdout,
                stderr=stderr,
                text=True,
            )
        self.started.append(process)
        base_url = f"http://127.0.0.1:{port}"
        wait_until_ready(process, base_url)
        return process, base_url, out

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Servers]:
    started = Servers(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def wait_until_ready(process: subprocess.Popen[str], base_url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "paygate serve exited during startup"
        try:
            if httpx.get(f"{base_url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    pytest.fail("paygate serve did not become healthy")


def test_quickstart_against_a_real_server(servers: Servers) -> None:
    process, base_url, out = servers.start("first")
    printed = out.read_text()
    email = re.search(r"email:\s+(\S+)", printed).group(1)
    api_key = re.search(r"api_key:\s+(sk_\S+)", printed).group(1)

    login = httpx.post(
        f"{base_url}/v1/auth/generate_access_token", json={"email": email, "api_key": api_key}
    )
    assert login.status_code == 200
    token = login.json()["data"]["token"]["access"]["token"]
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "quickstart-1"}
    body = {
        "card_number": "4242 4242 4242 4242",
        "expiry_month": 12,
        "expiry_year": 2030,
        "cvv": "123",
        "amount": 1050,
        "currency": "USD",
        "reference": "order-123",
    }
    created = httpx.post(f"{base_url}/v1/payments", json=body, headers=headers, timeout=30)
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "Authorized"
    fetched = httpx.get(f"{base_url}{created.headers['location']}", headers=headers)
    assert fetched.status_code == 200
    assert fetched.json() == created.json()
    assert httpx.get(f"{base_url}/ready").status_code == 200
    if shutil.which("curl"):
        assert printed_quickstart_works(printed)

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not is_running(bank_pid(out.with_suffix(".stderr")))
    assert (servers.directory / "paygate.secret").stat().st_mode & 0o777 == 0o600

    # A restart keeps the data, the demo merchant (no new key) and the issued tokens.
    again, base_url, out = servers.start("second")
    assert "api_key" not in out.read_text() and "exists" in out.read_text()
    kept = httpx.get(f"{base_url}{created.headers['location']}", headers=headers)
    assert kept.status_code == 200 and kept.json() == created.json()
    again.send_signal(signal.SIGINT)
    assert again.wait(timeout=30) == 0


def bank_pid(log_file: Path) -> int:
    for line in log_file.read_text().splitlines():
        if line.startswith("{"):
            event = json.loads(line)
            if event.get("event") == "embedded bank simulator started":
                return int(event["pid"])
    raise AssertionError("the embedded bank's start was not logged")


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def printed_quickstart_works(printed: str) -> bool:
    """Runs the commands the server printed, exactly as a user would paste them."""
    script = printed.split(COMMANDS_START, 1)[1].split(COMMANDS_END, 1)[0]
    created, fetched = run_quickstart(script)
    return created == fetched and created["status"] == "Authorized"


def run_quickstart(script: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Pastes a quickstart into bash; the payment it created and the one it fetched back."""
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    created, fetched = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return created, fetched
