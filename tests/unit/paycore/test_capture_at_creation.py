"""`"capture": true` on a new payment: authorized, then captured in full at once, and the
key answers the payment as the capture left it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.memory import InMemoryBank
from paycore import ActionStatus, ActionsUnsupported, IdempotencyKeyReused, PaymentStatus
from paycore.bank import Unknown
from paycore.use_cases import ProcessPayment, ProcessPaymentCommand
from tests.unit.paycore.acquirers import FakeAcquirer
from tests.unit.paycore.gateway import DECLINED_PAN, command
from tests.unit.paycore.lifecycle_gateway import Lifecycle


@pytest.fixture
def lifecycle() -> Lifecycle:
    return Lifecycle()


def capturing(lifecycle: Lifecycle) -> ProcessPayment:
    return replace(lifecycle.gateway.process, acquirer=lifecycle.acquirer)


def to_capture(key: str | None = None, **overrides: object) -> ProcessPaymentCommand:
    return replace(command(key, **overrides), capture=True)


async def test_an_authorized_payment_is_captured_in_full(lifecycle: Lifecycle) -> None:
    result = await capturing(lifecycle)(to_capture())
    payment = result.payment
    assert (payment.status, payment.captured_amount) == (PaymentStatus.CAPTURED, 1050)
    assert [(a.type, a.status) for a in payment.actions] == [("capture", ActionStatus.SUCCEEDED)]
    assert (await lifecycle.stored(payment.id)).status is PaymentStatus.CAPTURED


async def test_a_capture_of_unknown_outcome_leaves_it_authorized_with_the_capture_pending(
    lifecycle: Lifecycle,
) -> None:
    lifecycle.acquirer.script = [Unknown("timeout")]
    payment = (await capturing(lifecycle)(to_capture())).payment
    assert payment.status is PaymentStatus.AUTHORIZED
    assert [a.status for a in payment.actions] == [ActionStatus.PENDING]


async def test_a_declined_payment_is_not_captured(lifecycle: Lifecycle) -> None:
    payment = (await capturing(lifecycle)(to_capture(card_number=DECLINED_PAN))).payment
    assert payment.status is PaymentStatus.DECLINED
    assert lifecycle.acquirer.calls == []


async def test_the_key_replays_the_captured_payment_and_captures_once(
    lifecycle: Lifecycle,
) -> None:
    process = capturing(lifecycle)
    first = await process(to_capture("order-1"))
    again = await process(to_capture("order-1"))
    assert again.replayed
    assert (again.payment.id, again.payment.status) == (first.payment.id, PaymentStatus.CAPTURED)
    assert len(lifecycle.acquirer.calls) == 1


async def test_the_same_key_without_capture_is_another_request(lifecycle: Lifecycle) -> None:
    process = capturing(lifecycle)
    await process(to_capture("order-1"))
    with pytest.raises(IdempotencyKeyReused):
        await process(command("order-1"))


@pytest.mark.parametrize("supported", [None, False])
async def test_a_bank_without_actions_charges_nothing(
    lifecycle: Lifecycle, supported: bool | None
) -> None:
    process = lifecycle.gateway.process
    if supported is not None:
        process = replace(process, acquirer=FakeAcquirer(supports_actions=supported))
    with pytest.raises(ActionsUnsupported):
        await process(to_capture())
    bank = lifecycle.gateway.bank
    assert isinstance(bank, InMemoryBank)
    assert bank.authorize_calls == []
