"""Events as every store keeps them: an id, the type, when, and the payment's snapshot.

The snapshot is the payment's storage record (adapters.codec) as JSON, less the card's
keyed fingerprint (the events tables' CHECKs refuse it): of a card only the masked summary
is kept. A payment read back from a snapshot has an empty fingerprint; nothing uses a
fingerprint of an event's payment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
import uuid_utils

from adapters.codec import PaymentRecord, from_record, to_record
from paycore.events import Event, EventType
from paycore.payment import Payment

_LEFT_OUT = "card_fingerprint"
_encoder = msgspec.json.Encoder()


@dataclass(frozen=True, slots=True)
class NewEvent:
    """One events row a repository stages with its payment's insert or update."""

    id: str
    type: str
    created_at: datetime
    snapshot: str  # JSON text


def new_events(payment: Payment, stored_version: int) -> list[NewEvent]:
    """The rows of what the payment's changes past `stored_version` record: each one
    stamped with the change's time (the payment's updated_at) and the payment after it."""
    types = payment.events_since(stored_version)
    if not types:
        return []
    snapshot = snapshot_json(payment)
    return [NewEvent(new_event_id(), t.value, payment.updated_at, snapshot) for t in types]


def new_event_id() -> str:
    # Time-ordered, as payment ids are: inserts land at the right edge of the index.
    return "evt_" + uuid_utils.uuid7().hex


def snapshot_json(payment: Payment) -> str:
    fields = msgspec.structs.asdict(to_record(payment))
    del fields[_LEFT_OUT]
    return _encoder.encode(fields).decode()


def event_from(
    event_id: str, merchant_id: str, event_type: str, created_at: datetime, snapshot: Any
) -> Event:
    """An event from its stored values; `snapshot` is JSON text, or already decoded."""
    fields = msgspec.json.decode(snapshot) if isinstance(snapshot, (str, bytes)) else snapshot
    record = msgspec.convert({**fields, _LEFT_OUT: ""}, PaymentRecord)
    return Event(event_id, merchant_id, EventType(event_type), created_at, from_record(record))
