"""The deployment files, checked structurally (no Docker engine is needed or used here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
SERVICES = {"gateway", "banksim", "postgres", "redis", "prometheus", "grafana"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {name: value for name, value in pairs}


def test_every_service_is_there_with_a_healthcheck(compose: dict) -> None:
    services = compose["services"]
    assert set(services) == SERVICES
    for name, service in services.items():
        check = service.get("healthcheck", {}).get("test")
        assert check and check[0] in {"CMD", "CMD-SHELL"}, name
    assert services["postgres"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"


def test_the_gateway_starts_after_healthy_dependencies(compose: dict) -> None:
    gateway = compose["services"]["gateway"]
    assert gateway["depends_on"] == {
        name: {"condition": "service_healthy"} for name in ("postgres", "redis", "banksim")
    }
    assert gateway["command"][:1] == ["serve"] and "0.0.0.0" in gateway["command"]
    assert gateway["env_file"] == ".env"


def test_the_bank_simulator_runs_from_the_same_image(compose: dict) -> None:
    banksim, gateway = compose["services"]["banksim"], compose["services"]["gateway"]
    assert banksim["image"] == gateway["image"]
    assert banksim["command"][:1] == ["banksim"] and "0.0.0.0" in banksim["command"]


def test_only_the_gateway_and_dashboards_are_published_and_only_on_loopback(compose: dict) -> None:
    published = {name: s["ports"] for name, s in compose["services"].items() if "ports" in s}
    assert published == {
        "gateway": ["127.0.0.1:8080:8080"],
        "prometheus": ["127.0.0.1:9090:9090"],
        "grafana": ["127.0.0.1:3000:3000"],
    }


def test_the_env_example_names_every_setting_with_placeholder_secrets() -> None:
    env = env_example()
    service_urls = {
        "PAYGATE_DATABASE_URL": "@postgres:5432/",
        "PAYGATE_REDIS_URL": "redis://redis:6379",
        "PAYGATE_BANK_URL": "http://banksim:8081",
    }
    for name, fragment in service_urls.items():
        assert fragment in env[name]
    assert env["PAYGATE_JWT_SECRET"] == "change-me"
    assert env["POSTGRES_PASSWORD"] == "change-me"


def test_the_image_runs_paygate_unprivileged_with_a_healthcheck() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["paygate"]' in dockerfile
    assert "\nUSER paygate\n" in dockerfile
    assert "HEALTHCHECK" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert {".git", ".env", ".venv", "paygate.db*"} <= set(ignored)
