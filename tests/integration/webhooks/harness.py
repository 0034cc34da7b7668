"""The webhook half wired for tests: a real store, sender, worker and receiver, driven by
calling the scheduler's two jobs in a loop until a condition holds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from adapters.clock_ids_hashing import SystemClock, Uuid7Generator
from adapters.observability import GatewayMetrics
from adapters.webhooks import AesGcmEndpointSecrets, HttpWebhookSender, SystemResolver
from entrypoints.http.event_presenter import event_body
from entrypoints.runtime.webhook_worker import DeliveryWorker
from paycore.ports.webhooks import HostResolver
from paycore.use_cases import DeliverWebhook, RegisterWebhookEndpoint
from paycore.webhooks import RetryPolicy

KEY = b"k" * 32


@dataclass
class Hooks:
    database: Any
    register: RegisterWebhookEndpoint
    worker: DeliveryWorker
    metrics: GatewayMetrics

    async def run_until(self, condition: Callable[[], Any], within: float = 10.0) -> None:
        """Run the jobs (as the scheduler would, often) until `condition()` holds."""
        deadline = time.monotonic() + within
        while True:
            await self.worker.dispatch()
            await self.worker.deliver_due()
            result = condition()
            if asyncio.iscoroutine(result):
                result = await result
            if result:
                return
            if time.monotonic() > deadline:
                raise AssertionError("the condition never held")
            await asyncio.sleep(0.01)


@asynccontextmanager
async def hooks(
    database: Any,
    *,
    attempt_timeout: float = 2.0,
    retry_base: float = 0.05,
    max_attempts: int = 12,
    allow_private: bool = True,
    resolver: HostResolver | None = None,
    concurrency: int = 5,
) -> AsyncIterator[Hooks]:
    resolver = resolver or SystemResolver()
    secrets = AesGcmEndpointSecrets(KEY)
    sender = HttpWebhookSender(
        timeout=attempt_timeout,
        concurrency=concurrency,
        resolver=resolver,
        allow_private=allow_private,
    )
    clock, metrics = SystemClock(), GatewayMetrics()
    deliver = DeliverWebhook(
        store=database.webhooks,
        sender=sender,
        secrets=secrets,
        render=event_body,
        clock=clock,
        policy=RetryPolicy(base=timedelta(seconds=retry_base), max_attempts=max_attempts),
        jitter=lambda: 0.0,
    )
    worker = DeliveryWorker(
        store=database.webhooks, deliver=deliver, clock=clock, metrics=metrics,
        concurrency=concurrency, timeout=attempt_timeout,
    )  # fmt: skip
    register = RegisterWebhookEndpoint(
        store=database.webhooks, secrets=secrets, resolver=resolver, clock=clock,
        ids=Uuid7Generator(), allow_private=allow_private,
    )  # fmt: skip
    try:
        yield Hooks(database, register, worker, metrics)
    finally:
        await worker.close()
        await sender.aclose()
