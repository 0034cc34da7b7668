"""The fields a merchant may send with a capture or a refund, checked before anything is
read or recorded (a 400 names the field)."""

from __future__ import annotations

from paycore.errors import FieldError, ValidationFailed

MAX_REASON_LENGTH = 500


def check_action_fields(amount: int | None, reason: str | None = None) -> None:
    errors: list[FieldError] = []
    # `bool` is an int to Python, never to a merchant.
    if amount is not None and (type(amount) is not int or amount < 1):
        errors.append(FieldError("amount", "must be a positive integer in minor units"))
    if reason is not None and (
        not isinstance(reason, str) or len(reason) > MAX_REASON_LENGTH or "\x00" in reason
    ):
        errors.append(
            FieldError("reason", f"must be text of at most {MAX_REASON_LENGTH} characters")
        )
    if errors:
        raise ValidationFailed(errors)
