"""Liveness, readiness and metrics: GET /health, /ready and /metrics."""

from __future__ import annotations

from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.responses import header, response
from entrypoints.http.openapi.schemas.building import Json, ref


def health() -> Json:
    ok = {"status": "ok"}
    return {
        "security": [],
        "responses": {
            "200": response("The process answers", ref("Health"), {"ok": example("OK", ok)})
        },
    }


def ready() -> Json:
    down = {"status": "unavailable"}
    return {
        "security": [],
        "responses": {
            "200": response(
                "The database answers", ref("Health"), {"ok": example("OK", {"status": "ok"})}
            ),
            "503": response(
                "The database does not answer: take this process out of the load balancer",
                ref("Health"),
                {"unavailable": example("Unavailable", down)},
            ),
        },
    }


_METRICS_SAMPLE = """\
# HELP paygate_payments_total Payments processed, by resulting status
# TYPE paygate_payments_total counter
paygate_payments_total{status="Authorized"} 1.0
"""


def metrics() -> Json:
    return {
        "security": [],
        "responses": {
            "200": {
                "description": "Prometheus text exposition (every worker's samples together); "
                "the families are listed in the operations guide",
                "headers": {"X-Request-ID": header("X-Request-ID")},
                "content": {
                    "text/plain": {
                        "schema": {"type": "string"},
                        "examples": {"sample": example("A sample", _METRICS_SAMPLE)},
                    }
                },
            }
        },
    }
