"""The Payment aggregate's status rules: which status may follow which, and which actions
each status takes. Kept apart from the aggregate so it stays one screen long."""

from __future__ import annotations

from paycore.actions import ActionType
from paycore.payment_status import PaymentStatus

LEGAL_TRANSITIONS: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    PaymentStatus.PENDING: frozenset(
        {PaymentStatus.AUTHORIZED, PaymentStatus.DECLINED, PaymentStatus.FAILED}
    ),
    PaymentStatus.AUTHORIZED: frozenset(),
    PaymentStatus.DECLINED: frozenset(),
    PaymentStatus.FAILED: frozenset(),
    # Past authorization, a payment moves only through actions (ACCEPTED_ACTIONS) and expiry.
    PaymentStatus.PARTIALLY_CAPTURED: frozenset(),
    PaymentStatus.CAPTURED: frozenset(),
    PaymentStatus.VOIDED: frozenset(),
    PaymentStatus.PARTIALLY_REFUNDED: frozenset(),
    PaymentStatus.REFUNDED: frozenset(),
    PaymentStatus.EXPIRED: frozenset(),
}

# Which actions each status takes; any status missing here takes none.
ACCEPTED_ACTIONS: dict[PaymentStatus, frozenset[ActionType]] = {
    PaymentStatus.AUTHORIZED: frozenset({ActionType.CAPTURE, ActionType.VOID}),
    PaymentStatus.PARTIALLY_CAPTURED: frozenset({ActionType.CAPTURE, ActionType.REFUND}),
    PaymentStatus.CAPTURED: frozenset({ActionType.REFUND}),
    PaymentStatus.PARTIALLY_REFUNDED: frozenset({ActionType.REFUND}),
}
