"""Payments at each step of the lifecycle, for the aggregate's tests (amount: 1050)."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from paycore import Payment
from tests.unit.paycore.gateway import new_payment

AT = new_payment().created_at
_ids = count(1)


def later(payment: Payment) -> datetime:
    return payment.updated_at + timedelta(seconds=1)


def authorized() -> Payment:
    payment = new_payment()
    payment.authorize("auth-1", later(payment))
    return payment


def captured(amount: int | None = None) -> Payment:
    payment = authorized()
    settle(payment, payment.capture(f"capture-{next(_ids)}", amount, later(payment)).id)
    return payment


def refunded(capture: int | None, refund: int | None) -> Payment:
    payment = captured(capture)
    settle(payment, payment.refund(f"refund-{next(_ids)}", refund, later(payment)).id)
    return payment


def settle(payment: Payment, action_id: str, succeeded: bool = True) -> None:
    if succeeded:
        payment.confirm_action(action_id, later(payment))
    else:
        payment.fail_action(action_id, "bank_error", later(payment))
