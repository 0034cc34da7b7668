"""What the tests say to a running gateway and bank: logins, payments, metrics, balances."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.production.processes import clean_environment

# Every payment of this package is sent with this CVV; see test_card_data_at_rest for why
# four digits that no stored token can equal by accident.
CVV = "9317"
_T = TypeVar("_T")
MERCHANTS_CREATE = (sys.executable, "-m", "entrypoints", "merchants", "create")


@dataclass(frozen=True, slots=True)
class Merchant:
    merchant_id: str
    email: str
    api_key: str


class MerchantCreation:
    """`paygate merchants create --json` run as an operator would; it migrates too."""

    def __init__(self, env: Mapping[str, str], email: str, folder: Path) -> None:
        self._process = subprocess.Popen(
            [*MERCHANTS_CREATE, "--email", email, "--json"],
            cwd=folder,
            env=clean_environment(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def result(self) -> Merchant:
        try:
            out, err = self._process.communicate(timeout=120)
        finally:
            self.close()
        assert self._process.returncode == 0, err
        return Merchant(**json.loads(out))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()


def access_token(base_url: str, merchant: Merchant) -> str:
    login = httpx.post(
        f"{base_url}/v1/auth/generate_access_token",
        json={"email": merchant.email, "api_key": merchant.api_key},
        timeout=30,
    )
    assert login.status_code == 200, login.text
    return str(login.json()["data"]["token"]["access"]["token"])


def payment_body(card: str, amount: int, reference: str = "order") -> dict[str, Any]:
    return {
        "card_number": card,
        "expiry_month": 12,
        "expiry_year": 2030,
        "cvv": CVV,
        "amount": amount,
        "currency": "USD",
        "reference": reference,
    }


def auth(token: str, idempotency_key: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    return headers


def metric_samples(base_url: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """`name`'s samples by their sorted labels, as one GET /metrics shows them."""
    text = httpx.get(f"{base_url}/metrics", timeout=30).text
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    }


def counter(base_url: str, name: str, **labels: str) -> float:
    """A counter's value summed over the samples whose labels include `labels`."""
    wanted = set(labels.items())
    samples = metric_samples(base_url, name)
    return sum(value for key, value in samples.items() if wanted <= set(key))


def usd_balance(bank_url: str, card: str) -> int:
    account = httpx.get(f"{bank_url}/accounts/{card}", timeout=30)
    assert account.status_code == 200, account.text
    return int(account.json()["balances"]["USD"])


def eventually(probe: Callable[[], _T | None], seconds: float = 45.0, every: float = 0.2) -> _T:
    """Polls until `probe` returns something truthy; the bound is generous, not asserted."""
    deadline = time.monotonic() + seconds
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {seconds} s: {probe.__doc__ or probe}")
        time.sleep(every)
