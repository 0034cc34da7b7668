"""The deployment files under test, and the metric names deploy/METRICS.md promises."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DEPLOY = REPO / "deploy"
POSTMAN = REPO / "postman"

METRICS = frozenset(
    {
        "paygate_http_requests_total",
        "paygate_http_request_duration_seconds",
        "paygate_payments_total",
        "paygate_bank_request_duration_seconds",
        "paygate_bank_retries_total",
        "paygate_circuit_breaker_state",
        "paygate_cache_requests_total",
        "paygate_pending_payments",
        "paygate_payment_actions_total",
        "paygate_expired_authorizations_total",
        "paygate_purged_rows_total",
        "paygate_webhook_deliveries_total",
        "paygate_webhook_attempts_total",
        "paygate_webhook_oldest_pending_seconds",
        "paygate_webhook_oldest_undispatched_seconds",
    }
)
