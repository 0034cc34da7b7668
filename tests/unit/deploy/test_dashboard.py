"""The Grafana dashboard reads only documented metrics, through the provisioned data source."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.unit.deploy.documented import DEPLOY, METRICS
from tests.unit.deploy.promql import metric_family, metric_names

DASHBOARD = DEPLOY / "grafana" / "dashboards" / "paygate.json"
DATASOURCES = DEPLOY / "grafana" / "provisioning" / "datasources" / "prometheus.yml"


def _panels() -> list[dict[str, Any]]:
    return json.loads(DASHBOARD.read_text())["panels"]


def _exprs() -> list[str]:
    return [target["expr"] for panel in _panels() for target in panel["targets"]]


def _datasource_uid() -> str:
    (datasource,) = yaml.safe_load(DATASOURCES.read_text())["datasources"]
    return datasource["uid"]


def test_the_dashboard_is_json_with_panels_that_query_something() -> None:
    panels = _panels()
    assert panels
    assert len({panel["id"] for panel in panels}) == len(panels)
    for panel in panels:
        assert panel["targets"], panel["title"]
        assert all(target["expr"].strip() for target in panel["targets"]), panel["title"]


@pytest.mark.parametrize("expr", _exprs())
def test_every_query_reads_documented_metrics_only(expr: str) -> None:
    names = metric_names(expr)
    assert names, expr
    assert {metric_family(name) for name in names} <= METRICS


def test_every_documented_metric_is_on_the_dashboard() -> None:
    used = {metric_family(name) for expr in _exprs() for name in metric_names(expr)}
    assert used == METRICS


def test_panels_use_the_provisioned_datasource() -> None:
    uid = _datasource_uid()
    assert uid == "prometheus"
    for panel in _panels():
        assert panel["datasource"]["uid"] == uid, panel["title"]
        assert all(target["datasource"]["uid"] == uid for target in panel["targets"])


@pytest.mark.parametrize(
    "topic",
    ["request rate", "latency p50", "error rate", "authorization rate", "bank latency p95",
     "circuit breaker", "cache hit ratio", "pending payments"],
)  # fmt: skip
def test_the_dashboard_shows(topic: str) -> None:
    assert any(topic in panel["title"].lower() for panel in _panels())


def test_latency_panel_plots_p50_p95_and_p99() -> None:
    (panel,) = [p for p in _panels() if p["title"].lower().startswith("latency")]
    exprs = [target["expr"] for target in panel["targets"]]
    for quantile in ("0.5", "0.95", "0.99"):
        assert any(expr.startswith(f"histogram_quantile({quantile},") for expr in exprs)
