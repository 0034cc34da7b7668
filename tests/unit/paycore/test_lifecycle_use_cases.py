from __future__ import annotations

import pytest

from paycore import (
    ActionStatus,
    ActionsUnsupported,
    AmountTooLarge,
    CapturePaymentCommand,
    InvalidPaymentState,
    Money,
    PaymentNotFound,
    PaymentStatus,
    RefundPaymentCommand,
    ValidationFailed,
    VoidPaymentCommand,
)
from paycore.acquirer_actions import ActionRefused, ActionRequest
from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason
from tests.unit.paycore.acquirers import FakeAcquirer
from tests.unit.paycore.gateway import MERCHANT, OTHER_MERCHANT
from tests.unit.paycore.lifecycle_gateway import Lifecycle


@pytest.fixture
def lifecycle() -> Lifecycle:
    return Lifecycle()


async def test_a_capture_is_recorded_pending_before_the_bank_is_called(
    lifecycle: Lifecycle,
) -> None:
    payment = await lifecycle.authorized()
    seen_by_the_bank: list[object] = []

    async def look_at_the_store(request: ActionRequest) -> None:
        stored = await lifecycle.stored(payment.id)
        seen_by_the_bank.append((stored.status, [(a.id, a.status) for a in stored.actions]))

    lifecycle.acquirer.on_arrival = look_at_the_store
    result = await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))

    action = result.action
    assert seen_by_the_bank == [(PaymentStatus.AUTHORIZED, [(action.id, ActionStatus.PENDING)])]
    kind, request = lifecycle.acquirer.calls[0]
    assert kind == "capture"
    assert request == ActionRequest(
        action.id, payment.id, payment.authorization_code, Money.of_minor(1050, "USD")
    )
    assert action.status is ActionStatus.SUCCEEDED
    assert (result.payment.status, result.payment.captured_amount) == (PaymentStatus.CAPTURED, 1050)
    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.actions) == (PaymentStatus.CAPTURED, (action,))
    assert await lifecycle.gateway.cache.get(MERCHANT, payment.id) == stored
    assert not result.replayed


async def test_partial_captures_then_refunds(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, amount=600))
    result = await lifecycle.refund(
        RefundPaymentCommand(MERCHANT, payment.id, amount=100, reason="scratched")
    )
    assert (result.action.amount, result.action.reason) == (100, "scratched")
    assert lifecycle.acquirer.calls[-1][1].reason == "scratched"
    assert result.payment.status is PaymentStatus.PARTIALLY_REFUNDED
    result = await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id))
    assert result.action.amount == 500
    assert (result.payment.status, result.payment.refunded_amount) == (PaymentStatus.REFUNDED, 600)


async def test_a_void_releases_the_authorization(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    result = await lifecycle.void(VoidPaymentCommand(MERCHANT, payment.id))
    assert lifecycle.acquirer.calls[0][0] == "void"
    assert result.payment.status is PaymentStatus.VOIDED
    assert (await lifecycle.stored(payment.id)).status is PaymentStatus.VOIDED


@pytest.mark.parametrize(
    ("outcome", "failure_reason", "retry_after"),
    [
        (ActionRefused("over limit"), "over limit", None),
        (Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=30), "circuit_open", 30),
    ],
)
async def test_a_refused_or_unreachable_bank_fails_the_action_only(
    lifecycle: Lifecycle,
    outcome: ActionRefused | Unavailable,
    failure_reason: str,
    retry_after: int | None,
) -> None:
    payment = await lifecycle.authorized()
    lifecycle.acquirer.script = [outcome]
    result = await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    assert result.action.status is ActionStatus.FAILED
    assert result.action.failure_reason == failure_reason
    assert result.retry_after_seconds == retry_after
    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.captured_amount) == (PaymentStatus.AUTHORIZED, 0)
    assert stored.actions == (result.action,)


async def test_an_unknown_outcome_leaves_the_action_pending(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    lifecycle.acquirer.script = [Unknown("timeout")]
    result = await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id, amount=50))
    assert result.action.status is ActionStatus.PENDING
    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.refunded_amount) == (PaymentStatus.CAPTURED, 0)
    assert stored.actions[-1] == result.action


@pytest.mark.parametrize(
    ("merchant", "payment_id"),
    [(OTHER_MERCHANT, None), (MERCHANT, "not-a-uuid"), (MERCHANT, "0" * 32)],
)
async def test_a_payment_the_merchant_cannot_see_is_not_found(
    lifecycle: Lifecycle, merchant: str, payment_id: str | None
) -> None:
    payment = await lifecycle.authorized()
    with pytest.raises(PaymentNotFound):
        await lifecycle.capture(CapturePaymentCommand(merchant, payment_id or payment.id))
    assert lifecycle.acquirer.calls == []


async def test_refused_requests_add_no_action_and_reach_no_bank(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    with pytest.raises(InvalidPaymentState):
        await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id, amount=10**9))
    with pytest.raises(AmountTooLarge):
        await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, amount=1051))
    with pytest.raises(ValidationFailed) as raised:
        await lifecycle.refund(
            RefundPaymentCommand(MERCHANT, payment.id, amount=0, reason="x" * 501)
        )
    assert [e.field for e in raised.value.errors] == ["amount", "reason"]
    assert lifecycle.acquirer.calls == []
    stored = await lifecycle.stored(payment.id)
    assert (stored.actions, stored.version) == ((), payment.version)


@pytest.mark.parametrize("reason", ["nul\x00inside", 42])
async def test_a_reason_must_be_storable_text(lifecycle: Lifecycle, reason: object) -> None:
    with pytest.raises(ValidationFailed):
        await lifecycle.refund(
            RefundPaymentCommand(MERCHANT, "any", reason=reason)  # type: ignore[arg-type]
        )


async def test_an_acquirer_without_actions_is_a_clear_error() -> None:
    lifecycle = Lifecycle(acquirer=FakeAcquirer(supports_actions=False))
    payment = await lifecycle.authorized()
    with pytest.raises(ActionsUnsupported):
        await lifecycle.void(VoidPaymentCommand(MERCHANT, payment.id))
    assert (await lifecycle.stored(payment.id)).actions == ()


@pytest.mark.parametrize(
    ("capture_outcome", "status", "action_status"),
    [
        (None, PaymentStatus.CAPTURED, ActionStatus.SUCCEEDED),
        (Unknown("timeout"), PaymentStatus.AUTHORIZED, ActionStatus.PENDING),
    ],
)
async def test_capture_at_creation_is_an_authorization_then_a_full_capture(
    lifecycle: Lifecycle,
    capture_outcome: Unknown | None,
    status: PaymentStatus,
    action_status: ActionStatus,
) -> None:
    """What `"capture": true` composes: ProcessPayment, then CapturePayment of the rest."""
    lifecycle.acquirer.script = [capture_outcome] if capture_outcome else []
    authorized = await lifecycle.authorized()
    result = await lifecycle.capture(CapturePaymentCommand(MERCHANT, authorized.id))
    assert (result.payment.status, result.action.status) == (status, action_status)
    assert result.action.amount == authorized.amount.minor
