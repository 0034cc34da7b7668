"""Prometheus scrapes both services; Grafana is provisioned with the data source and dashboards."""

from __future__ import annotations

from typing import Any

import yaml

from tests.unit.deploy.documented import DEPLOY, METRICS

PROVISIONING = DEPLOY / "grafana" / "provisioning"


def _yaml(path: str) -> Any:
    return yaml.safe_load((DEPLOY / path).read_text())


def test_prometheus_scrapes_gateway_and_banksim_metrics_every_5s() -> None:
    config = _yaml("prometheus/prometheus.yml")
    assert config["global"]["scrape_interval"] == "5s"
    targets = set()
    for job in config["scrape_configs"]:
        assert job.get("metrics_path", "/metrics") == "/metrics"
        assert job.get("scrape_interval", "5s") == "5s"
        for static in job["static_configs"]:
            targets.update(static["targets"])
    assert targets == {"gateway:8080", "banksim:8081"}


def test_the_datasource_is_prometheus_by_uid() -> None:
    config = _yaml("grafana/provisioning/datasources/prometheus.yml")
    (datasource,) = config["datasources"]
    assert datasource["uid"] == "prometheus"
    assert datasource["type"] == "prometheus"
    assert datasource["url"] == "http://prometheus:9090"


def test_the_dashboard_provider_loads_json_files_from_a_folder() -> None:
    config = _yaml("grafana/provisioning/dashboards/dashboards.yml")
    (provider,) = config["providers"]
    assert provider["type"] == "file"
    assert provider["options"]["path"] == "/var/lib/grafana/dashboards"
    assert list((DEPLOY / "grafana" / "dashboards").glob("*.json"))


def test_metrics_doc_lists_exactly_the_documented_metrics() -> None:
    rows = (DEPLOY / "METRICS.md").read_text().split("## Dashboard panels")[0].splitlines()
    names = {row.split("|")[1].strip().strip("`") for row in rows if row.startswith("| `")}
    assert names == METRICS
