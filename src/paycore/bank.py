"""What the gateway asks an acquiring bank, and the outcomes a bank call can have."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.card import CardDetails
from paycore.failure_reason import FailureReason
from paycore.money import Money


@dataclass(frozen=True, slots=True)
class AuthorizationRequest:
    idempotency_key: str
    card: CardDetails
    amount: Money


@dataclass(frozen=True, slots=True)
class Authorized:
    authorization_code: str


@dataclass(frozen=True, slots=True)
class Declined:
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Unavailable:
    """Nothing was charged: the bank refused the call, answered errors, or the circuit is open."""

    reason: FailureReason
    retry_after_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class Unknown:
    """The request may have reached the bank but no answer came back (a timeout)."""

    detail: str = ""


@dataclass(frozen=True, slots=True)
class NotFound:
    """A lookup: the bank has never seen this idempotency key."""


@dataclass(frozen=True, slots=True)
class LookupUnsupported:
    """A lookup: this bank cannot tell what happened to an earlier request."""


BankOutcome = Authorized | Declined | Unavailable | Unknown
LookupOutcome = Authorized | Declined | Unavailable | Unknown | NotFound | LookupUnsupported
