"""How an event looks on the wire: the one shape GET /v1/events shows and the webhook
worker signs and sends (`event_body`), so a receiver sees exactly what the API shows."""

from __future__ import annotations

from datetime import datetime

import msgspec

from entrypoints.http.dto import PaymentOut
from entrypoints.http.presenters import payment_out, timestamp
from entrypoints.http.responses import encode_json
from paycore.event_listing import EventPage
from paycore.events import Event, EventDelivery
from paycore.use_cases import EventWithDeliveries

EVENTS_PATH = "/v1/events"


class EventData(msgspec.Struct):
    # The payment as GET /v1/payments/{id} showed it right after the change.
    payment: PaymentOut


class EventOut(msgspec.Struct):
    id: str
    type: str
    created_at: str
    data: EventData


class DeliveryOut(msgspec.Struct):
    endpoint_id: str
    attempts: int
    status: str
    last_response_status: int | None
    next_attempt_at: str | None
    delivered_at: str | None


class EventWithDeliveriesOut(EventOut):
    deliveries: list[DeliveryOut]


class EventListOut(msgspec.Struct):
    """A page of events, newest first; `has_more`: more lie in the direction of travel."""

    data: list[EventOut]
    has_more: bool


def event_out(event: Event) -> EventOut:
    data = EventData(payment_out(event.payment))
    return EventOut(event.id, event.type.value, timestamp(event.created_at), data)


def event_body(event: Event) -> bytes:
    """The event as JSON bytes: the body a webhook delivery signs and POSTs."""
    return encode_json(event_out(event))


def event_page_out(page: EventPage) -> EventListOut:
    return EventListOut([event_out(e) for e in page.events], page.has_more)


def event_with_deliveries_out(found: EventWithDeliveries) -> EventWithDeliveriesOut:
    event = event_out(found.event)
    deliveries = [delivery_out(d) for d in found.deliveries]
    return EventWithDeliveriesOut(event.id, event.type, event.created_at, event.data, deliveries)


def delivery_out(delivery: EventDelivery) -> DeliveryOut:
    return DeliveryOut(
        endpoint_id=delivery.endpoint_id,
        attempts=delivery.attempts,
        status=delivery.status.value,
        last_response_status=delivery.last_response_status,
        next_attempt_at=_maybe(delivery.next_attempt_at),
        delivered_at=_maybe(delivery.delivered_at),
    )


def _maybe(moment: datetime | None) -> str | None:
    return None if moment is None else timestamp(moment)
