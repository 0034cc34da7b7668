"""The Payment aggregate and its state machine. It never holds a card number or a CVV."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from paycore.actions import ActionType, PaymentAction
from paycore.bank import Authorized, BankOutcome, Declined, NotFound, Unavailable
from paycore.card import CardSummary
from paycore.errors import IllegalTransition, InvalidPaymentState
from paycore.event_notes import EventNotes
from paycore.event_types import SETTLED_EVENTS, EventType

# Re-exported: a failure's reason is part of what a payment is.
from paycore.failure_reason import FailureReason as FailureReason
from paycore.lifecycle import PaymentLifecycle
from paycore.metadata import Metadata
from paycore.money import Money
from paycore.payment_status import PaymentStatus as PaymentStatus

# Re-exported: the status rules are part of what a payment is.
from paycore.status_rules import ACCEPTED_ACTIONS as ACCEPTED_ACTIONS
from paycore.status_rules import LEGAL_TRANSITIONS as LEGAL_TRANSITIONS

DEFAULT_AUTHORIZATION_TTL = timedelta(days=7)


@dataclass(eq=False, slots=True)
class Payment(PaymentLifecycle, EventNotes):
    id: str
    merchant_id: str
    amount: Money
    card: CardSummary
    reference: str | None
    created_at: datetime
    updated_at: datetime
    status: PaymentStatus = PaymentStatus.PENDING
    authorization_code: str | None = None
    decline_reason: str | None = None
    failure_reason: str | None = None
    # Optimistic concurrency: a repository only saves over the version it read.
    version: int = 1
    settlement_attempts: int = 0
    next_settlement_at: datetime | None = field(default=None)
    # The merchant's labels, checked by validation; frozen here (see __setattr__).
    metadata: dict[str, str] = field(default_factory=dict)
    # The lifecycle, in minor units: 0 <= refunded <= captured <= amount, always. The
    # defaults are a payment no action has touched (and what stores without them load).
    captured_amount: int = 0
    refunded_amount: int = 0
    actions: tuple[PaymentAction, ...] = ()
    # What EventNotes notes: not stored, compared or encoded.
    _events: tuple[tuple[int, EventType], ...] = field(default=(), init=False, repr=False)

    def __setattr__(self, name: str, value: object) -> None:
        if name == "metadata":
            if hasattr(self, "metadata"):
                raise AttributeError("a payment's metadata is fixed when the payment is created")
            # A frozen copy: neither the caller's dict nor anyone holding the payment can
            # change it afterwards.
            value = Metadata(cast("dict[str, str]", value))
        object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Payment) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def apply(self, outcome: BankOutcome | NotFound, at: datetime) -> None:
        """Record what the bank did with this payment's authorization, learnt at `at`.

        Authorized and Declined settle it as such. Unavailable (the bank refused the call)
        and NotFound (a lookup: it never received it) mean nothing was charged: Failed.
        Unknown (no answer came back) leaves it Pending, for settlement to ask again.
        """
        match outcome:
            case Authorized(code):
                self.authorize(code, at)
            case Declined(reason):
                self.decline(reason, at)
            case Unavailable(reason):
                self.fail(reason, at)
            case NotFound():
                self.fail(FailureReason.NOT_RECEIVED_BY_BANK, at)
            case _:
                pass  # Unknown: no answer came back, so the payment stays Pending

    def authorize(self, authorization_code: str, at: datetime) -> None:
        self._move_to(PaymentStatus.AUTHORIZED, at)
        self.authorization_code = authorization_code

    def decline(self, reason: str | None, at: datetime) -> None:
        self._move_to(PaymentStatus.DECLINED, at)
        self.decline_reason = reason

    def fail(self, reason: FailureReason, at: datetime) -> None:
        self._move_to(PaymentStatus.FAILED, at)
        self.failure_reason = reason

    def schedule_settlement(self, next_attempt_at: datetime, at: datetime) -> None:
        """Record an inconclusive settlement attempt; the payment stays Pending."""
        if self.status.is_terminal:
            raise IllegalTransition(f"payment {self.id} is already {self.status}")
        self.settlement_attempts += 1
        self.next_settlement_at = next_attempt_at
        self.updated_at = at
        self.version += 1

    def _move_to(self, target: PaymentStatus, at: datetime) -> None:
        if target not in LEGAL_TRANSITIONS[self.status]:
            raise IllegalTransition(f"payment {self.id}: {self.status} -> {target} is not allowed")
        self.status = target
        self.updated_at = at
        self.next_settlement_at = None
        self.version += 1
        self._note(SETTLED_EVENTS[target])

    def expire(self, at: datetime, ttl: timedelta = DEFAULT_AUTHORIZATION_TTL) -> None:
        """Let an uncaptured authorization lapse once `ttl` has passed since it was made."""
        if self.status is not PaymentStatus.AUTHORIZED or any(a.is_pending for a in self.actions):
            raise InvalidPaymentState(f"payment {self.id} ({self.status}) cannot expire")
        if at < self.created_at + ttl:
            raise IllegalTransition(
                f"payment {self.id} is authorized until {self.created_at + ttl}"
            )
        self.status = PaymentStatus.EXPIRED
        self._lifecycle_changed(at)
        self._note(EventType.PAYMENT_EXPIRED)

    def _accepts(self, action_type: ActionType) -> bool:
        return action_type in ACCEPTED_ACTIONS.get(self.status, frozenset())

    def _apply_success(self, action: PaymentAction) -> None:
        if action.type is ActionType.VOID:
            self.status = PaymentStatus.VOIDED
            return
        if action.type is ActionType.CAPTURE:
            self.captured_amount += action.amount
        else:
            self.refunded_amount += action.amount
        if self.refunded_amount:
            fully = self.refunded_amount == self.captured_amount
            self.status = PaymentStatus.REFUNDED if fully else PaymentStatus.PARTIALLY_REFUNDED
        else:
            fully = self.captured_amount == self.amount.minor
            self.status = PaymentStatus.CAPTURED if fully else PaymentStatus.PARTIALLY_CAPTURED
