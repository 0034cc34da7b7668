"""Events: what happened to a payment or one of its actions, as it was right after.

An event is recorded in the same transaction as the change it describes (the storage
adapters write it with the payment), so there is never one without the other. Events are
immutable: the payment they carry is a snapshot, and it holds no card data beyond the
masked card summary every payment carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paycore.payment import Payment


class EventType(StrEnum):
    PAYMENT_AUTHORIZED = "payment.authorized"
    PAYMENT_DECLINED = "payment.declined"
    PAYMENT_FAILED = "payment.failed"
    PAYMENT_CAPTURED = "payment.captured"
    PAYMENT_VOIDED = "payment.voided"
    PAYMENT_REFUNDED = "payment.refunded"
    PAYMENT_EXPIRED = "payment.expired"
    ACTION_FAILED = "action.failed"


# What a webhook endpoint subscribes to for every type.
ALL_EVENTS = "*"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    merchant_id: str
    type: EventType
    created_at: datetime
    # The payment right after the change, never changed afterwards.
    payment: Payment
