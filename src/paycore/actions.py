"""What a merchant asks of an authorized payment (capture, void, refund) and how it ended.

An action is recorded Pending before the bank is called, so its id can be the bank's
Idempotency-Key and a crash mid-call leaves something the sweep can look up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum


class ActionType(StrEnum):
    CAPTURE = "capture"
    VOID = "void"
    REFUND = "refund"


# The failure reason of an action the bank refused without saying why.
REFUSED_BY_BANK = "refused_by_bank"


class ActionStatus(StrEnum):
    PENDING = "Pending"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"


@dataclass(frozen=True, slots=True)
class PaymentAction:
    id: str
    type: ActionType
    # Minor units of the payment's currency; a void carries what it releases.
    amount: int
    status: ActionStatus
    # The merchant's words for a refund; None otherwise.
    reason: str | None
    created_at: datetime
    updated_at: datetime
    # The merchant's Idempotency-Key, so a replay finds the action its key created.
    idempotency_key: str | None = None
    # Why a Failed action failed: a paycore.payment.FailureReason when the bank could not
    # be reached (what tells a 503 from a 502), else REFUSED_BY_BANK or the bank's words.
    failure_reason: str | None = None

    @property
    def is_pending(self) -> bool:
        return self.status is ActionStatus.PENDING

    def settled(
        self, status: ActionStatus, at: datetime, failure_reason: str | None = None
    ) -> PaymentAction:
        return replace(self, status=status, updated_at=at, failure_reason=failure_reason)


def reserved(actions: Iterable[PaymentAction], action_type: ActionType) -> int:
    """What Pending actions of one type hold back: a Pending capture may still succeed,
    so the next capture may only take what is left after it (likewise refunds)."""
    return sum(a.amount for a in actions if a.is_pending and a.type is action_type)


def blocking_action(
    actions: Iterable[PaymentAction], action_type: ActionType
) -> PaymentAction | None:
    """A Pending action that forbids starting another of `action_type`, if any.

    Captures run alongside captures and refunds alongside refunds (their amounts are
    reserved); anything else waits: a Pending void may release the whole authorization,
    a Pending capture changes what a refund may give back, and a Pending refund ends
    the capturing.
    """
    return next(
        (
            a
            for a in actions
            if a.is_pending and (a.type is not action_type or action_type is ActionType.VOID)
        ),
        None,
    )
