"""Events as the `events` table holds them: the payment is the storage record's JSON with
no card fingerprint (never kept with an event)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from adapters.action_codec import utc
from adapters.codec import PaymentRecord, from_record, to_record
from paycore.events import Event, EventType

# A Payment always has a fingerprint field; an event's copy has an empty one.
_NO_FINGERPRINT = ""


def payment_json(event: Event) -> bytes:
    """The event's payment as its row stores it."""
    record = msgspec.to_builtins(to_record(event.payment))
    del record["card_fingerprint"]
    return msgspec.json.encode(record)


def event_from_row(
    event_id: str, merchant_id: str, type_: str, created_at: datetime, payment: Any
) -> Event:
    """`payment`: the row's JSON as text or bytes, or already decoded (PostgreSQL jsonb)."""
    fields = msgspec.json.decode(payment) if isinstance(payment, str | bytes) else payment
    record = msgspec.convert({**fields, "card_fingerprint": _NO_FINGERPRINT}, PaymentRecord)
    return Event(event_id, merchant_id, EventType(type_), utc(created_at), from_record(record))
