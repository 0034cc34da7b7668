"""The in-memory webhook store. Each method runs without an await between reading and
writing the state, so under asyncio it is as atomic as the SQL stores' transactions."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from adapters.memory.state import InMemoryState
from adapters.memory.webhook_state import Attempt
from paycore.ports.webhooks import Backlog
from paycore.webhooks import Delivery, DeliveryStatus, DueDelivery, WebhookEndpoint
from paycore.webhooks.deliveries import UNFINISHED_ATTEMPT, AttemptResult


class InMemoryWebhookStore:
    def __init__(self, state: InMemoryState) -> None:
        self._state = state
        self._hooks = state.webhook_state

    async def add_endpoint(self, endpoint: WebhookEndpoint, secret_ciphertext: bytes) -> None:
        self._hooks.endpoints[endpoint.id] = (endpoint, secret_ciphertext)

    async def live_endpoints(
        self, merchant_id: str, limit: int, starting_after: str | None
    ) -> list[WebhookEndpoint]:
        live = [e for e, _ in self._hooks.endpoints.values() if self._live(e, merchant_id)]
        live.sort(key=lambda e: (e.created_at, e.id))
        if starting_after is not None:
            # As the SQL stores: a cursor that is not one of the merchant's live endpoints
            # starts nowhere.
            after = next((e for e in live if e.id == starting_after), None)
            live = [] if after is None else live[live.index(after) + 1 :]
        return live[:limit]

    async def delete_endpoint(self, merchant_id: str, endpoint_id: str, at: datetime) -> bool:
        found = self._hooks.endpoints.get(endpoint_id)
        if found is None or not self._live(found[0], merchant_id):
            return False
        self._hooks.deleted.add(endpoint_id)
        for d in self._hooks.deliveries.values():
            if d.endpoint_id == endpoint_id and d.status is DeliveryStatus.PENDING:
                self._put(
                    replace(
                        d,
                        status=DeliveryStatus.FAILED,
                        next_attempt_at=None,
                        last_error="endpoint deleted",
                    )
                )
        return True

    async def dispatch(self, now: datetime, limit: int) -> int:
        hooks, created = self._hooks, 0
        events = [e for e in self._state.events.values() if e.id not in hooks.dispatched_events]
        for event in events[:limit]:
            for endpoint, _ in hooks.endpoints.values():
                if self._live(endpoint, event.merchant_id) and endpoint.subscribes_to(event.type):
                    hooks.add_delivery(event.id, endpoint.id, now)
                    created += 1
            hooks.dispatched_events.add(event.id)
        return created

    async def claim_due(
        self, now: datetime, lease_until: datetime, max_attempts: int, limit: int
    ) -> list[DueDelivery]:
        due = sorted(
            (
                d
                for d in self._hooks.deliveries.values()
                if d.status is DeliveryStatus.PENDING
                and d.next_attempt_at is not None
                and d.next_attempt_at <= now
            ),
            key=lambda d: (d.next_attempt_at, d.id),
        )
        claimed: list[DueDelivery] = []
        for d in due:
            if d.attempts >= max_attempts:
                self._put(
                    replace(
                        d,
                        status=DeliveryStatus.FAILED,
                        next_attempt_at=None,
                        last_error=UNFINISHED_ATTEMPT,
                    )
                )
                continue
            if len(claimed) == limit:
                break
            number = d.attempts + 1
            self._put(replace(d, attempts=number, next_attempt_at=lease_until))
            self._hooks.attempts[(d.id, number)] = Attempt(now)
            endpoint, sealed = self._hooks.endpoints[d.endpoint_id]
            claimed.append(
                DueDelivery(
                    d.id, number, endpoint.id, endpoint.url, sealed, self._state.events[d.event_id]
                )
            )
        return claimed

    async def finish_attempt(self, result: AttemptResult, retry_at: datetime | None) -> None:
        attempt = self._hooks.attempts[(result.delivery_id, result.attempt)]
        attempt.finished_at, attempt.response_status, attempt.error = (
            result.finished_at,
            result.response_status,
            result.error,
        )
        d = self._hooks.deliveries[result.delivery_id]
        if d.status is not DeliveryStatus.PENDING or d.attempts != result.attempt:
            return
        status = (
            DeliveryStatus.DELIVERED
            if result.delivered
            else DeliveryStatus.PENDING
            if retry_at
            else DeliveryStatus.FAILED
        )
        self._put(
            replace(
                d,
                status=status,
                last_response_status=result.response_status,
                last_error=result.error,
                next_attempt_at=retry_at if status is DeliveryStatus.PENDING else None,
                delivered_at=result.finished_at if result.delivered else None,
            )
        )

    async def backlog(self) -> Backlog:
        pending = [
            d.created_at
            for d in self._hooks.deliveries.values()
            if d.status is DeliveryStatus.PENDING
        ]
        undispatched = [
            e.created_at
            for e in self._state.events.values()
            if e.id not in self._hooks.dispatched_events
        ]
        return Backlog(min(pending, default=None), min(undispatched, default=None))

    def _live(self, endpoint: WebhookEndpoint, merchant_id: str) -> bool:
        return endpoint.merchant_id == merchant_id and endpoint.id not in self._hooks.deleted

    def _put(self, delivery: Delivery) -> None:
        self._hooks.deliveries[delivery.id] = delivery
