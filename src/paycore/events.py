"""Events: what happened to a payment or one of its actions, as it was right after.

An event is recorded in the same transaction as the change it describes (the storage
adapters write it with the payment), so there is never one without the other. Events are
immutable: the payment they carry is a snapshot, and it holds no card data beyond the
masked card summary every payment carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

# Re-exported: the types are part of what an event is.
from paycore.event_types import EventType as EventType

if TYPE_CHECKING:
    from paycore.payment import Payment


# What a webhook endpoint subscribes to for every type.
ALL_EVENTS = "*"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    merchant_id: str
    type: EventType
    created_at: datetime
    # The payment right after the change, never changed afterwards.
    payment: Payment


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class EventDelivery:
    """Where one event stands with one webhook endpoint, as GET /v1/events/{id} shows it."""

    event_id: str
    endpoint_id: str
    attempts: int
    status: DeliveryStatus
    last_response_status: int | None
    # Set while pending; None once delivered or failed.
    next_attempt_at: datetime | None
    delivered_at: datetime | None
