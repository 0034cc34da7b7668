"""The committed webhook state of an in-memory store: endpoints, deliveries, attempts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from paycore.webhooks import Delivery, DeliveryStatus, WebhookEndpoint


@dataclass
class Attempt:
    started_at: datetime
    finished_at: datetime | None = None
    response_status: int | None = None
    error: str | None = None


@dataclass
class WebhookState:
    # Each endpoint with its sealed secret; a deleted one stays (its deliveries refer to it).
    endpoints: dict[str, tuple[WebhookEndpoint, bytes]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    # By delivery id; the events API reads an event's deliveries from here.
    deliveries: dict[int, Delivery] = field(default_factory=dict)
    attempts: dict[tuple[int, int], Attempt] = field(default_factory=dict)
    dispatched_events: set[str] = field(default_factory=set)
    last_delivery_id: int = 0

    def add_delivery(self, event_id: str, endpoint_id: str, at: datetime) -> Delivery:
        """A new delivery, due at once, under the next id (ids keep the creation order)."""
        self.last_delivery_id += 1
        delivery = Delivery(
            self.last_delivery_id,
            event_id,
            endpoint_id,
            0,
            DeliveryStatus.PENDING,
            None,
            None,
            at,
            None,
            at,
        )
        self.deliveries[delivery.id] = delivery
        return delivery
