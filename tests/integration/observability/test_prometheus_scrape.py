"""A real Prometheus (Debian's `prometheus`), configured from deploy/prometheus/prometheus.yml
with the targets pointed at a running gateway and bank simulator, scrapes both; a query
through its HTTP API returns the gateway's payment counter."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import yaml

from entrypoints.runtime.embedded_bank import free_port
from tests.conftest import service_missing
from tests.integration.production.clients import (
    MerchantCreation,
    access_token,
    auth,
    payment_body,
)
from tests.integration.production.processes import Service, start_all, stop_all

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]
DEPLOYED_CONFIG = ROOT / "deploy" / "prometheus" / "prometheus.yml"
WAIT_SECONDS = 90.0
CARD = "4242424242424242"  # the demo card: authorized up to a large balance
_T = TypeVar("_T")


def poll(probe: Callable[[], _T | None], what: str, seconds: float = WAIT_SECONDS) -> _T:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if result := probe():
                return result
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def adapted_config(targets: dict[str, str]) -> dict[str, Any]:
    """The deployed configuration, every job's target replaced by a loopback address."""
    config = yaml.safe_load(DEPLOYED_CONFIG.read_text())
    config["global"]["scrape_interval"] = "1s"
    config["global"]["evaluation_interval"] = "1s"
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert set(jobs) == set(targets), "the deployed jobs changed: adapt this test"
    for name, job in jobs.items():
        job["static_configs"] = [{"targets": [targets[name]]}]
    return config


@pytest.fixture
def prometheus_binary() -> str:
    binary = shutil.which("prometheus")
    if binary is None:
        service_missing("prometheus", "Debian's `prometheus` is not installed")
    assert binary is not None
    return binary


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[tuple[Service, Service]]:
    bank_port, gateway_port = free_port(), free_port()
    bank = Service("bank", ["banksim", "--port", str(bank_port)], bank_port, tmp_path)
    env = {
        "PAYGATE_DATABASE_URL": f"sqlite:///{tmp_path / 'paygate.db'}",
        "PAYGATE_BANK_URL": bank.url,
    }
    gateway = Service(
        "gateway",
        ["entrypoints", "serve", "--port", str(gateway_port)],
        gateway_port,
        tmp_path,
        env,
    )
    services = [bank, gateway]
    try:
        start_all(services)
        yield bank, gateway
    finally:
        stop_all(services[::-1])


class Prometheus:
    def __init__(self, binary: str, config: dict[str, Any], folder: Path) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        config_file = folder / "prometheus.yml"
        config_file.write_text(yaml.safe_dump(config))
        self.log = folder / "prometheus.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [
                    binary,
                    f"--config.file={config_file}",
                    f"--storage.tsdb.path={folder / 'data'}",
                    f"--web.listen-address=127.0.0.1:{port}",
                ],
                cwd=folder,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def get(self, path: str, **params: str) -> Any:
        assert self.process.poll() is None, self.log.read_text()[-3000:]
        response = httpx.get(f"{self.url}{path}", params=params, timeout=5)
        if response.status_code != 200:
            return None
        return response.json()["data"]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def test_prometheus_scrapes_the_gateway_and_the_simulator(
    prometheus_binary: str, stack: tuple[Service, Service], tmp_path: Path
) -> None:
    bank, gateway = stack
    creation = MerchantCreation(
        {"PAYGATE_DATABASE_URL": f"sqlite:///{tmp_path / 'paygate.db'}"},
        "scrape@example.com",
        tmp_path,
    )
    token = access_token(gateway.url, creation.result())
    for n in range(3):
        paid = httpx.post(
            f"{gateway.url}/v1/payments",
            json=payment_body(CARD, 1000 + n, f"scrape-{n}"),
            headers=auth(token, f"scrape-{n}"),
            timeout=30,
        )
        assert paid.status_code == 201 and paid.json()["status"] == "Authorized", paid.text

    targets = {
        "paygate": gateway.url.removeprefix("http://"),
        "banksim": bank.url.removeprefix("http://"),
    }
    folder = tmp_path / "prometheus"
    folder.mkdir()
    prometheus = Prometheus(prometheus_binary, adapted_config(targets), folder)
    try:

        def healthy_targets() -> dict[str, dict[str, Any]] | None:
            data = prometheus.get("/api/v1/targets")
            active = {t["labels"]["job"]: t for t in (data or {}).get("activeTargets", [])}
            up = set(active) == set(targets) and all(t["health"] == "up" for t in active.values())
            return active if up else None

        active = poll(healthy_targets, "both targets to be scraped and up")
        assert all(target["lastError"] == "" for target in active.values()), active

        def authorized_payments() -> float | None:
            data = prometheus.get(
                "/api/v1/query", query='sum(paygate_payments_total{status="Authorized"})'
            )
            result = (data or {}).get("result", [])
            return float(result[0]["value"][1]) if result else None

        assert poll(authorized_payments, "paygate_payments_total in Prometheus") == 3.0

        up = prometheus.get("/api/v1/query", query="up")["result"]
        assert {r["metric"]["job"]: r["value"][1] for r in up} == {"paygate": "1", "banksim": "1"}
    finally:
        prometheus.stop()
