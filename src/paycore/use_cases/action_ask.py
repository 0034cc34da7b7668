"""One capture, void or refund request as the lifecycle use cases hand it to the runner:
its fields are checked before anything is read or recorded (a 400 names the field)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from paycore.actions import ActionType, PaymentAction
from paycore.errors import FieldError, ValidationFailed
from paycore.payment import Payment

MAX_REASON_LENGTH = 500


@dataclass(frozen=True, slots=True)
class ActionAsk:
    merchant_id: str
    payment_id: str
    type: ActionType
    # Minor units; None asks for everything left (to capture, or to refund).
    amount: int | None = None
    reason: str | None = None
    idempotency_key: str | None = None

    def check(self) -> None:
        errors: list[FieldError] = []
        # `bool` is an int to Python, never to a merchant.
        if self.amount is not None and (type(self.amount) is not int or self.amount < 1):
            errors.append(FieldError("amount", "must be a positive integer in minor units"))
        reason = self.reason
        if reason is not None and (
            not isinstance(reason, str) or len(reason) > MAX_REASON_LENGTH or "\x00" in reason
        ):
            message = f"must be text of at most {MAX_REASON_LENGTH} characters"
            errors.append(FieldError("reason", message))
        if errors:
            raise ValidationFailed(errors)

    def start_on(self, payment: Payment, action_id: str, now: datetime) -> PaymentAction:
        """Record the Pending action on the payment (which refuses what it must)."""
        key = self.idempotency_key
        match self.type:
            case ActionType.CAPTURE:
                return payment.capture(action_id, self.amount, now, idempotency_key=key)
            case ActionType.VOID:
                return payment.void(action_id, now, idempotency_key=key)
            case _:
                return payment.refund(
                    action_id, self.amount, now, reason=self.reason, idempotency_key=key
                )
