"""The committed state of an in-memory store, which every repository reads and applies to."""

from __future__ import annotations

from dataclasses import dataclass, field

from paycore.api_key import ApiKey
from paycore.events import Event, EventDelivery
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken

IdempotencyKey = tuple[str, str]
# (event id, endpoint id): a delivery's unique key, as in migration 0008.
DeliveryKey = tuple[str, str]


@dataclass
class InMemoryState:
    payments: dict[str, Payment] = field(default_factory=dict)
    idempotency: dict[IdempotencyKey, IdempotencyRecord] = field(default_factory=dict)
    # Keys claimed by a unit of work still open: held, as a database's unique index holds
    # an uncommitted row, until that unit ends.
    claims: dict[IdempotencyKey, IdempotencyRecord] = field(default_factory=dict)
    merchants: dict[str, Merchant] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    api_keys: dict[str, ApiKey] = field(default_factory=dict)
    # Committed events by id, written by the payment repository's commit.
    events: dict[str, Event] = field(default_factory=dict)
    # Where each event stands with each endpoint: the webhook delivery store writes here
    # (a new frozen EventDelivery replaces the old one at every attempt), in the order the
    # deliveries were created; the events API reads it.
    deliveries: dict[DeliveryKey, EventDelivery] = field(default_factory=dict)
