"""The metric decorators count and time real traffic through in-memory fakes."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.memory import InMemoryBank, InMemoryPaymentCache
from adapters.observability import GatewayMetrics, InstrumentedBank, InstrumentedCache
from adapters.observability.metrics import render_latest
from paycore.bank import AuthorizationRequest, Unavailable
from paycore.card import CardDetails, CardSummary, Expiry
from paycore.money import Money
from paycore.payment import FailureReason, Payment


def _sample(metrics: GatewayMetrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


def _request(number: str, key: str) -> AuthorizationRequest:
    card = CardDetails(number=number, cvv="123", expiry=Expiry(12, 2035))
    return AuthorizationRequest(idempotency_key=key, card=card, amount=Money.of_minor(100, "USD"))


async def test_bank_calls_are_timed_by_operation_and_outcome() -> None:
    metrics = GatewayMetrics()
    fake = InMemoryBank()
    bank = InstrumentedBank(fake, metrics)
    await bank.authorize(_request("4111111111111111", "k1"))
    await bank.authorize(_request("4000000000000002", "k2"))
    fake.script.append(Unavailable(FailureReason.CIRCUIT_OPEN, 3))
    await bank.authorize(_request("4111111111111111", "k3"))
    await bank.lookup("never-seen")

    count = "paygate_bank_request_duration_seconds_count"
    assert _sample(metrics, count, operation="authorize", outcome="authorized") == 1
    assert _sample(metrics, count, operation="authorize", outcome="declined") == 1
    assert _sample(metrics, count, operation="authorize", outcome="unavailable:circuit_open") == 1
    assert _sample(metrics, count, operation="lookup", outcome="notfound") == 1


async def test_breaker_state_is_published_when_the_bank_exposes_it() -> None:
    metrics = GatewayMetrics()
    fake = InMemoryBank()
    fake.breaker_state = "open"  # type: ignore[attr-defined]
    await InstrumentedBank(fake, metrics).lookup("k")
    assert _sample(metrics, "paygate_circuit_breaker_state") == 2


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
