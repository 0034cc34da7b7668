"""One attempt: signed as documented, and what its answer does to the delivery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.memory import ManualClock
from paycore import verify_webhook
from paycore.events import Event, EventType
from paycore.ports.webhooks import SendResult
from paycore.use_cases import DeliverWebhook
from paycore.webhooks import DeliveryStatus, DueDelivery, RetryPolicy
from paycore.webhooks.deliveries import AttemptResult
from tests.unit.adapters.builders import payment

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


class Sender:
    def __init__(self, result: SendResult) -> None:
        self.result = result
        self.sent: list[tuple[str, bytes, dict[str, str]]] = []

    async def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        self.sent.append((url, body, headers))
        return self.result


class Store:
    def __init__(self) -> None:
        self.finished: list[tuple[AttemptResult, datetime | None]] = []

    async def finish_attempt(self, result: AttemptResult, retry_at: datetime | None) -> None:
        self.finished.append((result, retry_at))


class Secrets:
    def unseal(self, endpoint_id: str, ciphertext: bytes) -> str:
        return ciphertext.decode()


def due(attempt: int = 1) -> DueDelivery:
    event = Event("evt_" + "a" * 32, "m1", EventType.PAYMENT_CAPTURED, T0, payment("m1"))
    return DueDelivery(7, attempt, "we_1", "https://a.example/", b"whsec_s", event)


def deliver(sender: Sender, store: Store, max_attempts: int = 3) -> DeliverWebhook:
    return DeliverWebhook(
        store=store, sender=sender, secrets=Secrets(),  # type: ignore[arg-type]
        render=lambda e: f'{{"id": "{e.id}"}}'.encode(), clock=ManualClock(T0),
        policy=RetryPolicy(base=timedelta(seconds=60), max_attempts=max_attempts),
        jitter=lambda: 0.5,
    )  # fmt: skip


async def test_a_2xx_is_delivered_and_the_request_verifies() -> None:
    sender, store = Sender(SendResult(204, None)), Store()
    assert await deliver(sender, store)(due()) is DeliveryStatus.DELIVERED

    [(url, body, headers)] = sender.sent
    assert (url, headers["Content-Type"], headers["Paygate-Event-Id"]) == (
        "https://a.example/",
        "application/json",
        "evt_" + "a" * 32,
    )
    assert verify_webhook(body, headers["Paygate-Signature"], "whsec_s", now=T0.timestamp())
    assert store.finished == [(AttemptResult(7, 1, T0, 204, None), None)]


@pytest.mark.parametrize(
    "result", [SendResult(500, None), SendResult(301, None), SendResult(None, "timed out")]
)
async def test_anything_else_is_retried_with_backoff_until_the_maximum(result) -> None:
    sender, store = Sender(result), Store()
    assert await deliver(sender, store)(due(2)) is DeliveryStatus.PENDING
    assert store.finished[0][1] == T0 + timedelta(seconds=120 * 0.875)
    assert await deliver(sender, store)(due(3)) is DeliveryStatus.FAILED
    assert store.finished[1][1] is None


def test_the_delay_doubles_from_the_base_and_is_capped() -> None:
    policy = RetryPolicy(base=timedelta(seconds=60), max_attempts=30)
    delays = [
        (policy.next_attempt_at(AttemptResult(1, n, T0, 500, None), 0.0) - T0).total_seconds()
        for n in (1, 2, 3, 10, 20)
    ]
    assert delays == [60, 120, 240, 6 * 3600, 6 * 3600]
    jittered = policy.next_attempt_at(AttemptResult(1, 1, T0, 500, None), 0.999)
    assert T0 + timedelta(seconds=45) < jittered < T0 + timedelta(seconds=60)
