"""The types of events, and which change of a payment records which: a module of its own,
so the Payment aggregate can note them without importing the events that carry it."""

from __future__ import annotations

from enum import StrEnum

from paycore.actions import ActionType
from paycore.payment_status import PaymentStatus


class EventType(StrEnum):
    PAYMENT_AUTHORIZED = "payment.authorized"
    PAYMENT_DECLINED = "payment.declined"
    PAYMENT_FAILED = "payment.failed"
    PAYMENT_CAPTURED = "payment.captured"
    PAYMENT_VOIDED = "payment.voided"
    PAYMENT_REFUNDED = "payment.refunded"
    PAYMENT_EXPIRED = "payment.expired"
    ACTION_FAILED = "action.failed"


# The event each settling of a Pending payment records.
SETTLED_EVENTS: dict[PaymentStatus, EventType] = {
    PaymentStatus.AUTHORIZED: EventType.PAYMENT_AUTHORIZED,
    PaymentStatus.DECLINED: EventType.PAYMENT_DECLINED,
    PaymentStatus.FAILED: EventType.PAYMENT_FAILED,
}
# The event an action that succeeded records (a partial capture too); a failed one of any
# type records ACTION_FAILED.
SUCCEEDED_ACTION_EVENTS: dict[ActionType, EventType] = {
    ActionType.CAPTURE: EventType.PAYMENT_CAPTURED,
    ActionType.VOID: EventType.PAYMENT_VOIDED,
    ActionType.REFUND: EventType.PAYMENT_REFUNDED,
}
