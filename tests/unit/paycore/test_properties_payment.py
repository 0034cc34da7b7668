from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import takewhile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycore import FailureReason, IllegalTransition, Payment, PaymentStatus
from tests.unit.paycore.gateway import new_payment
from tests.unit.paycore.strategies import PROPERTY


def later(payment: Payment) -> datetime:
    return payment.updated_at + timedelta(seconds=1)


def authorize(payment: Payment) -> None:
    payment.authorize("code", later(payment))


def decline(payment: Payment) -> None:
    payment.decline("reason", later(payment))


def fail(payment: Payment) -> None:
    payment.fail(FailureReason.BANK_ERROR, later(payment))


def schedule(payment: Payment) -> None:
    payment.schedule_settlement(later(payment) + timedelta(seconds=30), later(payment))


# Each action and the status it leads to.
ACTIONS: dict[str, tuple[Callable[[Payment], None], PaymentStatus]] = {
    "authorize": (authorize, PaymentStatus.AUTHORIZED),
    "decline": (decline, PaymentStatus.DECLINED),
    "fail": (fail, PaymentStatus.FAILED),
    "schedule": (schedule, PaymentStatus.PENDING),
}


def snapshot(payment: Payment) -> tuple[object, ...]:
    return (
        payment.status,
        payment.version,
        payment.updated_at,
        payment.settlement_attempts,
        payment.authorization_code,
        payment.decline_reason,
        payment.failure_reason,
    )


@PROPERTY
@given(st.lists(st.sampled_from(sorted(ACTIONS)), min_size=1, max_size=12))
def test_only_legal_transitions_succeed(actions: list[str]) -> None:
    payment = new_payment()
    model = PaymentStatus.PENDING  # the rule: only a Pending payment may change at all
    for name in actions:
        act, target = ACTIONS[name]
        version, updated_at = payment.version, payment.updated_at
        if model is PaymentStatus.PENDING:
            act(payment)
            model = target
            assert payment.status is target
            assert payment.version == version + 1
            assert payment.updated_at > updated_at
        else:
            before = snapshot(payment)
            with pytest.raises(IllegalTransition):
                act(payment)
            assert snapshot(payment) == before
    assert payment.status is model
    scheduled = len(list(takewhile(lambda name: name == "schedule", actions)))
    assert payment.settlement_attempts == scheduled
