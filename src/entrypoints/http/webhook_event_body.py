"""An event's JSON body as webhooks send it (API.md section 9): `{"id", "type",
"created_at", "data": {"payment": <the payment resource>}}`."""

from __future__ import annotations

import msgspec

from entrypoints.http.dto import PaymentOut
from entrypoints.http.presenters import _timestamp, payment_out
from paycore.events import Event


class EventData(msgspec.Struct, frozen=True):
    payment: PaymentOut


class EventOut(msgspec.Struct, frozen=True):
    id: str
    type: str
    created_at: str
    data: EventData


_encoder = msgspec.json.Encoder()


def render_event(event: Event) -> bytes:
    data = EventData(payment_out(event.payment))
    return _encoder.encode(EventOut(event.id, event.type.value, _timestamp(event.created_at), data))
