"""The in-memory event repository: it reads what the payment repository's commits wrote
and what the webhook delivery store keeps in the state (see InMemoryState)."""

from __future__ import annotations

import copy

from adapters.memory.state import InMemoryState
from paycore.event_listing import EventQuery
from paycore.events import Event, EventDelivery
from paycore.listing import Direction, Position
from paycore.webhooks import Delivery


class InMemoryEventRepository:
    def __init__(self, store: InMemoryState) -> None:
        self._store = store

    async def get(self, merchant_id: str, event_id: str) -> Event | None:
        event = self._store.events.get(event_id)
        if event is None or event.merchant_id != merchant_id:
            return None
        return copy.deepcopy(event)

    async def list_for_merchant(self, query: EventQuery) -> list[Event]:
        # A full scan: fine for tests and experiments, which is all this adapter is for.
        found = sorted(
            (e for e in self._store.events.values() if query.admits(e)),
            key=Position.of,
            reverse=query.direction is Direction.OLDER,
        )
        # Copies, as a database would hand out: the caller's payment is no stored snapshot.
        return [copy.deepcopy(e) for e in found[: query.limit]]

    async def deliveries(self, event_id: str) -> list[EventDelivery]:
        # By delivery id: the order the deliveries were created in.
        hooks = self._store.webhook_state.deliveries
        return [as_shown(d) for _, d in sorted(hooks.items()) if d.event_id == event_id]


def as_shown(d: Delivery) -> EventDelivery:
    return EventDelivery(
        d.event_id,
        d.endpoint_id,
        d.attempts,
        d.status,
        d.last_response_status,
        d.next_attempt_at,
        d.delivered_at,
    )
