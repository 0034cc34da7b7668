"""The webhook jobs: fanning events out into deliveries, and delivering them.

Deliveries run as tasks of their own, at most `concurrency` at a time: each scheduler run
claims only as many due deliveries as there are free slots and returns at once, so a
receiver that hangs for the whole timeout holds one slot, never the scheduler, and the
next run can start the other deliveries. A claim leases its attempt for longer than the
attempt can take; a process that dies mid-attempt only delays that delivery until the
lease lapses, when any process claims it again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

import structlog

from adapters.observability import GatewayMetrics
from entrypoints.runtime.sweep import Job
from paycore.ports import Clock
from paycore.ports.webhooks import WebhookStore
from paycore.use_cases import DeliverWebhook
from paycore.webhooks import DeliveryStatus, DueDelivery
from paycore.webhooks.deliveries import AttemptResult

log = structlog.get_logger("paygate.webhooks")
DISPATCH_BATCH = 500
# Batches one dispatch run may take before it lets the next run continue.
DISPATCH_BATCHES = 10


def lease_for(timeout: float) -> float:
    """Seconds an attempt is leased: its timeout, and time to sign and record it."""
    return 2 * timeout + 5.0


class DeliveryWorker:
    def __init__(
        self,
        *,
        store: WebhookStore,
        deliver: DeliverWebhook,
        clock: Clock,
        metrics: GatewayMetrics,
        concurrency: int,
        timeout: float,
    ) -> None:
        self._store = store
        self._deliver = deliver
        self._clock = clock
        self._metrics = metrics
        self._concurrency = concurrency
        self._lease = timedelta(seconds=lease_for(timeout))
        self._in_flight: set[asyncio.Task[None]] = set()

    async def dispatch(self) -> None:
        """Fan undispatched events out, and report how far behind delivery is."""
        for _ in range(DISPATCH_BATCHES):
            if await self._store.dispatch(self._clock.now(), DISPATCH_BATCH) < DISPATCH_BATCH:
                break
        backlog = await self._store.backlog()
        now = self._clock.now()
        for gauge, oldest in (
            (self._metrics.webhook_oldest_pending, backlog.oldest_pending_delivery),
            (self._metrics.webhook_oldest_undispatched, backlog.oldest_undispatched_event),
        ):
            gauge.set(0 if oldest is None else max(0.0, (now - oldest).total_seconds()))

    async def deliver_due(self) -> None:
        free = self._concurrency - len(self._in_flight)
        if free <= 0:
            return
        now = self._clock.now()
        policy = self._deliver.policy
        for due in await self._store.claim_due(now, now + self._lease, policy.max_attempts, free):
            task = asyncio.create_task(self._attempt(due), name=f"webhook:{due.id}")
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)

    async def _attempt(self, due: DueDelivery) -> None:
        self._metrics.webhook_attempts.inc()
        try:
            status = await self._deliver(due)
        except Exception as error:  # a secret that no longer unseals, the store down...
            log.exception("webhook attempt failed", delivery=due.id, attempt=due.attempt)
            status = await self._record_failure(due, f"not sent: {type(error).__name__}")
            if status is None:
                return  # not even recorded: the lease brings the delivery back
        self._metrics.webhook_deliveries.labels(outcome=status.value).inc()

    async def _record_failure(self, due: DueDelivery, error: str) -> DeliveryStatus | None:
        result = AttemptResult(due.id, due.attempt, self._clock.now(), None, error)
        retry_at = self._deliver.policy.next_attempt_at(result, self._deliver.jitter())
        try:
            await self._store.finish_attempt(result, retry_at)
        except Exception:
            log.exception("webhook attempt not recorded", delivery=due.id, attempt=due.attempt)
            return None
        return DeliveryStatus.PENDING if retry_at else DeliveryStatus.FAILED

    async def close(self) -> None:
        """Stop the attempts in flight: each is retried once its lease lapses."""
        for task in list(self._in_flight):
            task.cancel()
        await asyncio.gather(*self._in_flight, return_exceptions=True)


def webhook_jobs(resolve: Callable[[], Awaitable[DeliveryWorker]]) -> dict[str, Job]:
    """The scheduler's two webhook jobs; each resolves the worker (its resources open on
    first use), so a database down at startup fails only these runs."""

    async def dispatch_events() -> None:
        await (await resolve()).dispatch()

    async def deliver_webhooks() -> None:
        await (await resolve()).deliver_due()

    return {"dispatch_events": dispatch_events, "deliver_webhooks": deliver_webhooks}
