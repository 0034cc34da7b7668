"""The committed webhook state of an in-memory store: endpoints, deliveries, attempts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from paycore.webhooks import Delivery, WebhookEndpoint


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
