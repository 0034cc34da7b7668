from __future__ import annotations

from datetime import timedelta

import pytest

from paycore import FailureReason, IllegalTransition, PaymentStatus
from paycore.bank import Authorized, BankOutcome, Declined, NotFound, Unavailable, Unknown
from paycore.payment import LEGAL_TRANSITIONS
from tests.unit.paycore.gateway import new_payment

LATER = new_payment().created_at + timedelta(seconds=5)


def test_a_new_payment_is_pending_at_version_1() -> None:
    payment = new_payment()
    assert payment.status is PaymentStatus.PENDING
    assert not payment.status.is_terminal
    assert payment.version == 1
    assert payment.settlement_attempts == 0


def test_authorize_records_the_code_and_bumps_the_version() -> None:
    payment = new_payment()
    payment.authorize("auth-1", LATER)
    assert payment.status is PaymentStatus.AUTHORIZED
    assert payment.authorization_code == "auth-1"
    assert payment.updated_at == LATER
    assert payment.version == 2


def test_decline_records_the_reason() -> None:
    payment = new_payment()
    payment.decline("insufficient_funds", LATER)
    assert payment.status is PaymentStatus.DECLINED
    assert payment.decline_reason == "insufficient_funds"
    assert payment.authorization_code is None


def test_fail_records_the_reason() -> None:
    payment = new_payment()
    payment.fail(FailureReason.CIRCUIT_OPEN, LATER)
    assert payment.status is PaymentStatus.FAILED
    assert payment.failure_reason == "circuit_open"


def test_every_terminal_state_refuses_every_transition() -> None:
    actions = [
        lambda p: p.authorize("code", LATER),
        lambda p: p.decline(None, LATER),
        lambda p: p.fail(FailureReason.BANK_ERROR, LATER),
        lambda p: p.schedule_settlement(LATER, LATER),
    ]
    for reach in actions[:3]:
        for action in actions:
            payment = new_payment()
            reach(payment)
            before = (payment.status, payment.version, payment.updated_at)
            with pytest.raises(IllegalTransition):
                action(payment)
            assert (payment.status, payment.version, payment.updated_at) == before


def test_only_pending_can_move_and_terminal_states_are_final() -> None:
    assert LEGAL_TRANSITIONS[PaymentStatus.PENDING] == {
        PaymentStatus.AUTHORIZED,
        PaymentStatus.DECLINED,
        PaymentStatus.FAILED,
    }
    assert all(not LEGAL_TRANSITIONS[s] for s in PaymentStatus if s.is_terminal)


def test_scheduling_settlement_keeps_it_pending_and_counts_the_attempt() -> None:
    payment = new_payment()
    next_at = LATER + timedelta(seconds=30)
    payment.schedule_settlement(next_at, LATER)
    assert payment.status is PaymentStatus.PENDING
    assert payment.settlement_attempts == 1
    assert payment.next_settlement_at == next_at
    assert payment.version == 2
    payment.authorize("auth-1", LATER)
    assert payment.next_settlement_at is None  # a settled payment is due for nothing


def test_payments_are_equal_by_id_only() -> None:
    first, same_id, other = new_payment(), new_payment(), new_payment("another-id")
    same_id.authorize("auth-1", LATER)
    assert first == same_id
    assert hash(first) == hash(same_id)
    assert first != other
    assert first != first.id
    assert len({first, same_id, other}) == 2


def test_payment_repr_carries_no_card_number_or_cvv() -> None:
    text = repr(new_payment())
    assert "last4='1111'" in text
    assert "cvv" not in text
    assert "number" not in text


@pytest.mark.parametrize(
    ("outcome", "status", "detail"),
    [
        (Authorized("auth-7"), PaymentStatus.AUTHORIZED, ("auth-7", None, None)),
        (Declined("do_not_honor"), PaymentStatus.DECLINED, (None, "do_not_honor", None)),
        (
            Unavailable(FailureReason.CIRCUIT_OPEN, 30),
            PaymentStatus.FAILED,
            (None, None, "circuit_open"),
        ),
        (NotFound(), PaymentStatus.FAILED, (None, None, "not_received_by_bank")),
    ],
)
def test_applying_a_conclusive_outcome_settles_the_payment_at_that_time(
    outcome: BankOutcome | NotFound, status: PaymentStatus, detail: tuple[str | None, ...]
) -> None:
    payment = new_payment()
    payment.apply(outcome, LATER)
    assert (payment.status, payment.updated_at, payment.version) == (status, LATER, 2)
    assert (payment.authorization_code, payment.decline_reason, payment.failure_reason) == detail


def test_applying_an_unknown_outcome_leaves_the_payment_as_it_was() -> None:
    payment = new_payment()
    payment.apply(Unknown("timed out"), LATER)
    assert payment.status is PaymentStatus.PENDING
    assert (payment.updated_at, payment.version) == (payment.created_at, 1)


def test_an_outcome_cannot_settle_a_settled_payment() -> None:
    payment = new_payment()
    payment.apply(Declined(), LATER)
    with pytest.raises(IllegalTransition):
        payment.apply(Authorized("auth-1"), LATER)
