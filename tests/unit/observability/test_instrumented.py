"""The metric decorators count and time real traffic through in-memory fakes."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.memory import InMemoryPaymentCache
from adapters.observability import GatewayMetrics, InstrumentedCache, PrometheusBankObserver
from adapters.observability.metrics import render_latest
from paycore.bank import Authorized, Declined, NotFound, Unavailable
from paycore.card import CardSummary, Expiry
from paycore.money import Money
from paycore.payment import FailureReason, Payment


def _sample(metrics: GatewayMetrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


def test_bank_calls_are_timed_by_operation_and_outcome() -> None:
    metrics = GatewayMetrics()
    observer = PrometheusBankObserver(metrics)
    observer.call_finished("authorize", Authorized("a"), 0.01, 1)
    observer.call_finished("authorize", Declined(), 0.01, 1)
    observer.call_finished("authorize", Unavailable(FailureReason.CIRCUIT_OPEN, 3), 0.0, 0)
    observer.call_finished("lookup", NotFound(), 0.02, 1)

    count = "paygate_bank_request_duration_seconds_count"
    assert _sample(metrics, count, operation="authorize", outcome="authorized") == 1
    assert _sample(metrics, count, operation="authorize", outcome="declined") == 1
    assert _sample(metrics, count, operation="authorize", outcome="unavailable") == 1
    assert _sample(metrics, count, operation="lookup", outcome="not_found") == 1


def test_retries_and_breaker_transitions_are_published() -> None:
    metrics = GatewayMetrics()
    observer = PrometheusBankObserver(metrics)
    observer.retried("authorize", Unavailable(FailureReason.BANK_UNAVAILABLE))
    observer.retried("authorize", Unavailable(FailureReason.BANK_UNAVAILABLE))
    assert _sample(metrics, "paygate_bank_retries_total", operation="authorize") == 2
    for state, value in [("open", 2), ("half_open", 1), ("closed", 0)]:
        observer.breaker_changed(state)
        assert _sample(metrics, "paygate_circuit_breaker_state") == value


async def test_cache_hits_and_misses_are_counted() -> None:
    metrics = GatewayMetrics()
    cache = InstrumentedCache(InMemoryPaymentCache(), metrics)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    payment = Payment(
        id="p1",
        merchant_id="m1",
        amount=Money.of_minor(5, "USD"),
        card=CardSummary("4242", "visa", Expiry(1, 2030), "fp"),
        reference=None,
        created_at=now,
        updated_at=now,
    )
    assert await cache.get("m1", "p1") is None
    await cache.put(payment)
    assert await cache.get("m1", "p1") == payment
    assert _sample(metrics, "paygate_cache_requests_total", result="hit") == 1
    assert _sample(metrics, "paygate_cache_requests_total", result="miss") == 1
    text, content_type = render_latest(metrics)
    assert b'paygate_cache_requests_total{result="hit"} 1.0' in text
    assert content_type.startswith("text/plain")


def test_actions_are_counted_by_type_and_outcome_and_lookups_are_not() -> None:
    from paycore.acquirer_actions import ActionRefused, ActionSucceeded

    metrics = GatewayMetrics()
    observer = PrometheusBankObserver(metrics)

    observer.call_finished("capture", ActionSucceeded(), 0.01, 1)
    observer.call_finished("capture", ActionSucceeded(), 0.01, 1)
    observer.call_finished("refund", ActionRefused("nothing_captured"), 0.01, 1)
    observer.call_finished("lookup_action", ActionSucceeded(), 0.01, 1)

    counted = "paygate_payment_actions_total"
    assert _sample(metrics, counted, type="capture", outcome="succeeded") == 2
    assert _sample(metrics, counted, type="refund", outcome="refused") == 1
    assert _sample(metrics, counted, type="lookup_action", outcome="succeeded") == 0
    latency = "paygate_bank_request_duration_seconds_count"
    assert _sample(metrics, latency, operation="lookup_action", outcome="succeeded") == 1
