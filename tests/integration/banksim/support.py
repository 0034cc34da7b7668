"""Run banksim as a real process (`python -m banksim --port 0 ...`) for the tests."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

STARTUP_SECONDS = 30
_LISTENING = re.compile(r"banksim listening on (http://\S+)")


@dataclass(frozen=True)
class Banksim:
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text()


@contextlib.contextmanager
def running_banksim(
    workdir: Path, *flags: str, env: Mapping[str, str] | None = None
) -> Iterator[Banksim]:
    """Yields once /health answers; stops the process afterwards, hung requests or not."""
    out, log = workdir / "banksim.out", workdir / "banksim.log"
    environ = {k: v for k, v in os.environ.items() if not k.startswith("BANKSIM_")}
    environ.update(env or {})
    with out.open("wb") as stdout, log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "banksim", "--port", "0", *flags],
            stdout=stdout,
            stderr=stderr,
            env=environ,
        )
    try:
        yield Banksim(_wait_until_healthy(process, out, log), log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(process: subprocess.Popen[bytes], out: Path, log: Path) -> str:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"banksim exited with {process.returncode}: {log.read_text()}")
        found = _LISTENING.search(out.read_text())
        if found and httpx.get(f"{found.group(1)}/health").status_code == 200:
            return found.group(1)
        time.sleep(0.05)
    pytest.fail(f"banksim did not start within {STARTUP_SECONDS}s: {log.read_text()}")


def charge(card_number: str, amount: int = 100, currency: str = "GBP") -> dict[str, object]:
    """A POST /payments body of the base contract."""
    return {
        "card_number": card_number,
        "expiry_date": "04/2030",
        "currency": currency,
        "amount": amount,
        "cvv": "123",
    }


def balance(client: httpx.Client, card_number: str, currency: str = "GBP") -> int:
    """A funded card's remaining balance, from GET /accounts/{card_number}."""
    response = client.get(f"/accounts/{card_number}")
    assert response.status_code == 200, response.text
    return int(response.json()["balances"][currency])


def held(client: httpx.Client, card_number: str, currency: str = "GBP") -> int:
    """Money a funded card's open authorizations hold, from GET /accounts/{card_number}."""
    response = client.get(f"/accounts/{card_number}")
    assert response.status_code == 200, response.text
    return int(response.json()["held"][currency])


def authorize(
    client: httpx.Client, card_number: str, amount: int = 100, currency: str = "GBP"
) -> str:
    """A new authorization's code; fails the test if the bank does not authorize."""
    response = client.post("/payments", json=charge(card_number, amount, currency))
    assert response.status_code == 200 and response.json()["authorized"], response.text
    return str(response.json()["authorization_code"])


def act(
    client: httpx.Client, code: str, route: str, amount: int | None = None, key: str | None = None
) -> httpx.Response:
    """POST /payments/{code}/{route} (captures, refunds, voids), with an amount if given."""
    headers = {} if key is None else {"Idempotency-Key": key}
    body = None if amount is None else {"amount": amount}
    return client.post(f"/payments/{code}/{route}", json=body, headers=headers)
