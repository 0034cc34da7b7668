"""The delivery worker: attempts that cannot even be sent are recorded and retried; the
slots bound what runs at once; closing stops what is in flight."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from adapters.clock_ids_hashing import SystemClock
from adapters.memory import InMemoryStore
from adapters.observability import GatewayMetrics
from entrypoints.runtime.webhook_worker import DeliveryWorker
from paycore.ports.webhooks import SendResult
from paycore.use_cases import DeliverWebhook
from paycore.webhooks import RetryPolicy, WebhookEndpoint
from tests.webhook_rows import attempts_of, deliveries_of, event, record_event


class Secrets:
    def __init__(self, broken: bool = False) -> None:
        self.broken = broken

    def unseal(self, endpoint_id: str, ciphertext: bytes) -> str:
        if self.broken:
            raise ValueError("the key changed")
        return "whsec_x"


class HangingSender:
    def __init__(self) -> None:
        self.started = 0

    async def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        self.started += 1
        await asyncio.Event().wait()
        raise AssertionError("never answered")  # pragma: no cover


def worker(store, sender, secrets, concurrency=2, max_attempts=2) -> DeliveryWorker:
    clock = SystemClock()
    deliver = DeliverWebhook(
        store=store.webhooks, sender=sender, secrets=secrets, render=lambda e: b"{}",  # type: ignore[arg-type]
        clock=clock, policy=RetryPolicy(base=timedelta(milliseconds=1), max_attempts=max_attempts),
        jitter=lambda: 0.0,
    )  # fmt: skip
    return DeliveryWorker(
        store=store.webhooks, deliver=deliver, clock=clock, metrics=GatewayMetrics(),
        concurrency=concurrency, timeout=1.0,
    )  # fmt: skip


async def setup(store, events: int) -> None:
    endpoint = WebhookEndpoint(
        "we_" + "1" * 32, "m1", "https://a.example/", ("*",), None, datetime.now(UTC)
    )
    await store.webhooks.add_endpoint(endpoint, b"sealed")
    for _ in range(events):
        await record_event(store, event("m1"))


async def settle(w: DeliveryWorker) -> None:
    for _ in range(50):
        await w.dispatch()
        await w.deliver_due()
        await asyncio.sleep(0.005)


async def test_an_attempt_that_cannot_be_sent_is_recorded_and_retried() -> None:
    store = InMemoryStore()
    await setup(store, 1)
    w = worker(store, HangingSender(), Secrets(broken=True))
    await settle(w)
    await w.close()

    [row] = await deliveries_of(store)
    assert row[3:5] == ("failed", 2)
    assert [a.error for a in await attempts_of(store, row[0])] == ["not sent: ValueError"] * 2


async def test_only_as_many_run_as_there_are_slots_and_closing_stops_them() -> None:
    store, sender = InMemoryStore(), HangingSender()
    await setup(store, 5)
    w = worker(store, sender, Secrets(), concurrency=2)
    await settle(w)

    assert sender.started == 2
    await w.close()
    started = [a for d in await deliveries_of(store) for a in await attempts_of(store, d[0])]
    assert len(started) == 2
    assert not any(a.finished for a in started)  # cut short: retried once the leases lapse
