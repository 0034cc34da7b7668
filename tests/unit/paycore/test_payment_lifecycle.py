from __future__ import annotations

from datetime import timedelta

import pytest

from paycore import Payment, PaymentStatus
from paycore.actions import ActionStatus, ActionType
from paycore.errors import AmountTooLarge, IllegalTransition, InvalidPaymentState, ValidationFailed
from paycore.payment import DEFAULT_AUTHORIZATION_TTL
from tests.unit.paycore.gateway import new_payment
from tests.unit.paycore.lifecycle_payments import authorized, captured, later, refunded, settle


def test_a_capture_is_recorded_pending_and_moves_nothing_until_it_succeeds() -> None:
    payment = authorized()
    version = payment.version
    action = payment.capture("c-1", 500, later(payment), idempotency_key="key-1")
    assert (action.type, action.amount, action.status) == (
        ActionType.CAPTURE,
        500,
        ActionStatus.PENDING,
    )
    assert action.idempotency_key == "key-1"
    assert payment.actions == (action,)
    assert (payment.status, payment.captured_amount) == (PaymentStatus.AUTHORIZED, 0)
    assert payment.version == version + 1
    settle(payment, "c-1")
    assert (payment.status, payment.captured_amount) == (PaymentStatus.PARTIALLY_CAPTURED, 500)
    assert payment.actions[0].status is ActionStatus.SUCCEEDED
    assert payment.actions[0].updated_at == payment.updated_at > action.updated_at


def test_partial_captures_add_up_to_captured() -> None:
    payment = captured(500)
    settle(payment, payment.capture("c-2", None, later(payment)).id)
    assert payment.actions[-1].amount == 550  # the default: what is left to capture
    assert (payment.status, payment.captured_amount) == (PaymentStatus.CAPTURED, 1050)


def test_a_failed_capture_changes_only_the_action() -> None:
    payment = authorized()
    payment.capture("c-1", None, later(payment))
    settle(payment, "c-1", succeeded=False)
    assert (payment.status, payment.captured_amount) == (PaymentStatus.AUTHORIZED, 0)
    assert payment.actions[0].status is ActionStatus.FAILED
    assert payment.actions[0].failure_reason == "bank_error"
    settle(payment, payment.capture("c-2", None, later(payment)).id)  # it can be tried again
    assert payment.status is PaymentStatus.CAPTURED


def test_pending_captures_reserve_their_amount() -> None:
    payment = authorized()
    payment.capture("c-1", 1000, later(payment))
    with pytest.raises(AmountTooLarge):
        payment.capture("c-2", 51, later(payment))
    assert payment.capture("c-2", None, later(payment)).amount == 50
    with pytest.raises(AmountTooLarge):  # nothing at all is left
        payment.capture("c-3", None, later(payment))


def test_a_void_releases_the_whole_authorization() -> None:
    payment = authorized()
    action = payment.void("v-1", later(payment))
    assert (action.type, action.amount) == (ActionType.VOID, 1050)
    assert payment.status is PaymentStatus.AUTHORIZED
    settle(payment, "v-1")
    assert payment.status is PaymentStatus.VOIDED
    assert payment.captured_amount == 0


def test_refunds_up_to_what_was_captured() -> None:
    payment = captured()
    action = payment.refund("r-1", 300, later(payment), reason="damaged")
    assert (action.type, action.reason) == (ActionType.REFUND, "damaged")
    assert payment.status is PaymentStatus.CAPTURED
    settle(payment, "r-1")
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.PARTIALLY_REFUNDED, 300)
    settle(payment, payment.refund("r-2", None, later(payment)).id)
    assert payment.actions[-1].amount == 750  # the default: captured minus refunded
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, 1050)


def test_a_refund_of_a_partially_captured_payment_ends_the_capturing() -> None:
    payment = refunded(capture=400, refund=100)
    assert payment.status is PaymentStatus.PARTIALLY_REFUNDED
    with pytest.raises(InvalidPaymentState):
        payment.capture("c-9", 100, later(payment))
    assert refunded(capture=400, refund=None).status is PaymentStatus.REFUNDED


def test_pending_refunds_reserve_their_amount() -> None:
    payment = captured(500)
    payment.refund("r-1", 400, later(payment))
    with pytest.raises(AmountTooLarge):
        payment.refund("r-2", 101, later(payment))
    assert payment.refund("r-2", None, later(payment)).amount == 100


@pytest.mark.parametrize(
    ("pending", "refused"),
    [
        ("capture", "void"),
        ("capture", "refund"),
        ("void", "void"),
        ("void", "capture"),
        ("refund", "capture"),
    ],
)
def test_an_action_waits_for_a_pending_one_of_another_kind(pending: str, refused: str) -> None:
    payment = authorized() if "void" in (pending, refused) else captured(500)
    start(payment, pending, 100)
    before = snapshot(payment)
    with pytest.raises(InvalidPaymentState, match=f"a {pending} is in flight"):
        start(payment, refused, 100)
    assert snapshot(payment) == before


@pytest.mark.parametrize(
    ("payment_at", "refused"),
    [
        (new_payment, "capture"),
        (authorized, "refund"),
        (lambda: captured(500), "void"),
        (captured, "capture"),
        (captured, "void"),
        (lambda: refunded(None, 100), "capture"),
        (lambda: refunded(None, None), "refund"),
    ],
)
def test_a_status_that_forbids_the_action_refuses_it_before_the_amount(
    payment_at: object, refused: str
) -> None:
    assert callable(payment_at)
    payment: Payment = payment_at()
    before = snapshot(payment)
    with pytest.raises(InvalidPaymentState):
        start(payment, refused, 10**9)  # far too large, but the status is checked first
    assert snapshot(payment) == before


@pytest.mark.parametrize("amount", [0, -5, True, 2.5, "100"])
def test_a_malformed_amount_is_a_validation_error(amount: object) -> None:
    payment = authorized()
    before = snapshot(payment)
    with pytest.raises(ValidationFailed) as raised:
        payment.capture("c-1", amount, later(payment))  # type: ignore[arg-type]
    assert raised.value.errors[0].field == "amount"
    assert snapshot(payment) == before


def test_only_a_pending_action_settles() -> None:
    payment = captured()
    done = payment.actions[0].id
    before = snapshot(payment)
    for action_id in (done, "unknown"):
        with pytest.raises(IllegalTransition):
            settle(payment, action_id)
        assert snapshot(payment) == before


def test_an_authorization_expires_after_its_ttl() -> None:
    payment = authorized()
    expiry = payment.created_at + DEFAULT_AUTHORIZATION_TTL
    before = snapshot(payment)
    with pytest.raises(IllegalTransition, match="authorized until"):
        payment.expire(expiry - timedelta(microseconds=1))
    assert snapshot(payment) == before
    payment.expire(expiry)
    assert (payment.status, payment.updated_at) == (PaymentStatus.EXPIRED, expiry)
    assert payment.version == before[1] + 1


def test_the_ttl_is_the_callers_to_choose() -> None:
    payment = authorized()
    payment.expire(payment.created_at + timedelta(hours=1), ttl=timedelta(hours=1))
    assert payment.status is PaymentStatus.EXPIRED


@pytest.mark.parametrize("payment_at", [new_payment, lambda: captured(500), captured])
def test_only_an_uncaptured_authorization_expires(payment_at: object) -> None:
    assert callable(payment_at)
    payment: Payment = payment_at()
    with pytest.raises(InvalidPaymentState):
        payment.expire(payment.created_at + timedelta(days=365))


def test_an_authorization_with_a_pending_action_does_not_expire() -> None:
    payment = authorized()
    payment.capture("c-1", None, later(payment))
    with pytest.raises(InvalidPaymentState):
        payment.expire(payment.created_at + timedelta(days=365))


def test_final_statuses_take_no_action_at_all() -> None:
    voided = authorized()
    settle(voided, voided.void("v-1", later(voided)).id)
    expired = authorized()
    expired.expire(expired.created_at + DEFAULT_AUTHORIZATION_TTL)
    for payment in (voided, expired, refunded(None, None)):
        for kind in ("capture", "void", "refund"):
            with pytest.raises(InvalidPaymentState):
                start(payment, kind, 1)


def start(payment: Payment, kind: str, amount: int) -> None:
    at = later(payment)
    if kind == "capture":
        payment.capture("new", amount, at)
    elif kind == "void":
        payment.void("new", at)
    else:
        payment.refund("new", amount, at)


def snapshot(payment: Payment) -> tuple[object, ...]:
    return (
        payment.status,
        payment.version,
        payment.updated_at,
        payment.captured_amount,
        payment.refunded_amount,
        payment.actions,
    )
