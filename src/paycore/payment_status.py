"""A payment's status: a module of its own, so the lifecycle rules can name it without
importing the aggregate they are part of."""

from __future__ import annotations

from enum import StrEnum


class PaymentStatus(StrEnum):
    PENDING = "Pending"
    AUTHORIZED = "Authorized"
    DECLINED = "Declined"
    FAILED = "Failed"
    # The lifecycle of an authorized payment: see ACCEPTED_ACTIONS.
    PARTIALLY_CAPTURED = "PartiallyCaptured"
    CAPTURED = "Captured"
    VOIDED = "Voided"
    PARTIALLY_REFUNDED = "PartiallyRefunded"
    REFUNDED = "Refunded"
    EXPIRED = "Expired"

    @property
    def is_terminal(self) -> bool:
        return self is not PaymentStatus.PENDING
