"""The metric decorators count and time real traffic through in-memory fakes."""

from __future__ import annotations

from adapters.memory import InMemoryPaymentCache, InMemoryRateLimiter
from adapters.observability import (
    GatewayMetrics,
    InstrumentedCache,
    InstrumentedCacheRead,
    PrometheusBankObserver,
)
from adapters.observability.metrics import render_latest
from paycore.bank import Authorized, Declined, NotFound, Unavailable
from paycore.payment import FailureReason
from paycore.rate_limit import RateLimit
from paycore.use_cases.retrieve_payment import HitThenCacheRead
from tests.unit.adapters.builders import payment


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
    p = payment()
    assert await cache.get(p.merchant_id, p.id) is None
    await cache.put(p)
    assert await cache.get(p.merchant_id, p.id) == p
    assert _sample(metrics, "paygate_cache_requests_total", result="hit") == 1
    assert _sample(metrics, "paygate_cache_requests_total", result="miss") == 1
    text, content_type = render_latest(metrics)
    assert b'paygate_cache_requests_total{result="hit"} 1.0' in text
    assert content_type.startswith("text/plain")


async def test_rate_limited_reads_count_what_they_read_and_refusals_nothing() -> None:
    metrics = GatewayMetrics()
    limiter, cache = InMemoryRateLimiter(), InMemoryPaymentCache()
    read = InstrumentedCacheRead(HitThenCacheRead(limiter, cache), metrics)
    p = payment()
    await cache.put(p)
    once = RateLimit(1, 60.0)

    assert (await read("m1", once, p.merchant_id, p.id))[1] == p
    assert (await read("m1", once, p.merchant_id, p.id))[0].allowed is False
    assert (await read("m2", once, "m2", p.id))[1] is None
    assert _sample(metrics, "paygate_cache_requests_total", result="hit") == 1
    assert _sample(metrics, "paygate_cache_requests_total", result="miss") == 1


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
