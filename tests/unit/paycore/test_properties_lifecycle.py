"""For any sequence of lifecycle commands, with any amounts: the amounts stay in bounds,
the status says what the amounts say, a refused command changes nothing, and every change
notes exactly the event its kind records (none for an action started)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from paycore import PaycoreError, Payment, PaymentStatus
from paycore.actions import ActionStatus, ActionType, reserved
from paycore.events import EventType
from tests.unit.paycore.gateway import new_payment
from tests.unit.paycore.lifecycle_payments import authorized, later
from tests.unit.paycore.strategies import PROPERTY

# Mostly amounts that fit (the payment is 1050), some that cannot: zero, negative, too large.
amounts = st.none() | st.integers(1, 600) | st.integers(-5, 1200)


@dataclass(frozen=True)
class Command:
    kind: str
    amount: int | None = None
    # For settle: which Pending action (modulo how many) and its verdict; for expire: days
    # since creation (the TTL is 7).
    pick: int = 0
    succeeded: bool = True


# Weighted towards captures, refunds and successful settling, so runs get deep into the
# lifecycle before a void or an expiry ends them.
KINDS = ["capture"] * 3 + ["refund"] * 3 + ["settle"] * 4 + ["void", "expire"]
commands = st.builds(
    Command,
    st.sampled_from(KINDS),
    amounts,
    pick=st.integers(0, 8),
    succeeded=st.sampled_from([True, True, True, False]),
)


def run(payment: Payment, command: Command, action_id: str) -> None:
    at = later(payment)
    match command.kind:
        case "capture":
            payment.capture(action_id, command.amount, at)
        case "void":
            payment.void(action_id, at)
        case "refund":
            payment.refund(action_id, command.amount, at, reason="why")
        case "settle":
            pending = [a for a in payment.actions if a.is_pending] or list(payment.actions)
            target = pending[command.pick % len(pending)].id if pending else "none"
            if command.succeeded:
                payment.confirm_action(target, at)
            else:
                payment.fail_action(target, "bank_error", at)
        case _:
            payment.expire(payment.created_at + timedelta(days=command.pick))


# Written out here rather than taken from paycore.events, so the test checks the tables.
_SUCCEEDED = {
    ActionType.CAPTURE: EventType.PAYMENT_CAPTURED,
    ActionType.VOID: EventType.PAYMENT_VOIDED,
    ActionType.REFUND: EventType.PAYMENT_REFUNDED,
}


def expected_events(payment: Payment, command: Command) -> tuple[EventType, ...]:
    """What the command records on `payment` if it succeeds."""
    pending = [a for a in payment.actions if a.is_pending]
    match command.kind:
        case "settle" if pending:
            action = pending[command.pick % len(pending)]
            return (_SUCCEEDED[action.type] if command.succeeded else EventType.ACTION_FAILED,)
        case "expire":
            return (EventType.PAYMENT_EXPIRED,)
        case _:
            return ()  # an action started Pending records nothing yet


def snapshot(payment: Payment) -> tuple[object, ...]:
    return (
        payment.status,
        payment.version,
        payment.updated_at,
        payment.captured_amount,
        payment.refunded_amount,
        payment.actions,
    )


def succeeded(payment: Payment, action_type: ActionType) -> int:
    return sum(
        a.amount
        for a in payment.actions
        if a.type is action_type and a.status is ActionStatus.SUCCEEDED
    )


def check_invariants(payment: Payment) -> None:
    authorized_amount, captured, refunded = (
        payment.amount.minor,
        payment.captured_amount,
        payment.refunded_amount,
    )
    assert 0 <= refunded <= captured <= authorized_amount
    # Whatever of the Pending actions succeeds, the bounds still hold.
    assert captured + reserved(payment.actions, ActionType.CAPTURE) <= authorized_amount
    assert refunded + reserved(payment.actions, ActionType.REFUND) <= captured
    assert captured == succeeded(payment, ActionType.CAPTURE)
    assert refunded == succeeded(payment, ActionType.REFUND)
    match payment.status:
        case PaymentStatus.PARTIALLY_CAPTURED:
            assert 0 < captured < authorized_amount and refunded == 0
        case PaymentStatus.CAPTURED:
            assert captured == authorized_amount and refunded == 0
        case PaymentStatus.PARTIALLY_REFUNDED:
            assert 0 < refunded < captured
        case PaymentStatus.REFUNDED:
            assert 0 < refunded == captured
        case _:
            assert captured == 0
    voided = succeeded(payment, ActionType.VOID) > 0
    assert voided == (payment.status is PaymentStatus.VOIDED)


@PROPERTY
@given(st.sampled_from(["pending"] + ["authorized"] * 9), st.lists(commands, max_size=30))
def test_any_sequence_of_commands_keeps_the_invariants(start: str, sequence: list[Command]) -> None:
    payment = new_payment() if start == "pending" else authorized()  # Pending takes nothing
    for number, command in enumerate(sequence):
        before, version = snapshot(payment), payment.version
        expected = expected_events(payment, command)
        try:
            run(payment, command, f"action-{number}")
        except PaycoreError:
            assert snapshot(payment) == before
            assert payment.events_since(version) == ()
        else:
            assert payment.version == version + 1
            assert payment.events_since(version) == expected
        check_invariants(payment)
