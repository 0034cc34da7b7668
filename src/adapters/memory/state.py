"""The committed state of an in-memory store, which every repository reads and applies to."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.memory.webhook_state import WebhookState
from paycore.api_key import ApiKey
from paycore.events import Event
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken

IdempotencyKey = tuple[str, str]


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
    # Committed events by id, oldest first, written by the payment repository's commit.
    events: dict[str, Event] = field(default_factory=dict)
    # Endpoints, deliveries (which the events API reads too) and attempts.
    webhook_state: WebhookState = field(default_factory=WebhookState)
