"""Concurrent actions on one payment, and stores that fail between the steps."""

from __future__ import annotations

import asyncio

import pytest

from paycore import (
    ActionStatus,
    AmountTooLarge,
    CapturePaymentCommand,
    InvalidPaymentState,
    PaymentStatus,
    RefundPaymentCommand,
)
from paycore.acquirer_actions import ActionRequest
from paycore.action_settlement import settle_from_lookup
from paycore.errors import StalePayment, StorageUnavailable
from tests.unit.paycore.acquirers import FailingCommits
from tests.unit.paycore.gateway import MERCHANT
from tests.unit.paycore.lifecycle_gateway import Lifecycle


async def dawdle(request: ActionRequest) -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_two_refunds_that_together_exceed_the_capture_never_both_run() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    lifecycle.acquirer.on_arrival = dawdle
    refund = RefundPaymentCommand(MERCHANT, payment.id, amount=600)
    results = await asyncio.gather(
        lifecycle.refund(refund), lifecycle.refund(refund), return_exceptions=True
    )
    assert sorted(type(r).__name__ for r in results) == ["ActionResult", "AmountTooLarge"]
    assert [kind for kind, _ in lifecycle.acquirer.calls] == ["capture", "refund"]
    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.refunded_amount) == (PaymentStatus.PARTIALLY_REFUNDED, 600)


async def test_concurrent_captures_that_fit_all_succeed() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    lifecycle.acquirer.on_arrival = dawdle
    results = await asyncio.gather(
        *(lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, 350)) for _ in range(3))
    )
    assert all(r.action.status is ActionStatus.SUCCEEDED for r in results)
    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.captured_amount) == (PaymentStatus.CAPTURED, 1050)
    assert len(stored.actions) == 3


async def test_an_action_the_sweep_settled_first_is_answered_as_stored() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()

    async def sweep_gets_there_first(request: ActionRequest) -> None:
        stored = await lifecycle.stored(payment.id)
        outcome = await lifecycle.acquirer.lookup_action(request.action_id)
        settle_from_lookup(stored, request.action_id, outcome, stored.updated_at)
        async with lifecycle.gateway.store.unit_of_work() as uow:
            await uow.payments.save(stored)
            await uow.commit()

    lifecycle.acquirer.on_arrival = sweep_gets_there_first
    result = await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    assert result.action.status is ActionStatus.SUCCEEDED
    stored = await lifecycle.stored(payment.id)
    assert (stored.version, stored.captured_amount) == (result.payment.version, 1050)


async def test_a_payment_that_keeps_changing_refuses_the_action() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    stale = StalePayment(payment.id)
    lifecycle.units = FailingCommits(lifecycle.gateway.store, dict.fromkeys(range(1, 6), stale))
    with pytest.raises(InvalidPaymentState):
        await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    assert lifecycle.acquirer.calls == []


@pytest.mark.parametrize(
    "failures",
    [
        {2: StorageUnavailable("down")},
        dict.fromkeys(range(2, 7), StalePayment("raced")),
    ],
)
async def test_an_answer_that_cannot_be_saved_leaves_the_action_pending(
    failures: dict[int, Exception],
) -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    lifecycle.units = FailingCommits(lifecycle.gateway.store, failures)
    result = await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    assert result.action.status is ActionStatus.PENDING
    assert result.payment.status is PaymentStatus.AUTHORIZED
    stored = await lifecycle.stored(payment.id)
    assert stored.actions == (result.action,)


async def test_a_loser_waits_for_a_pending_action_of_another_kind() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    arrived, answer = asyncio.Event(), asyncio.Event()

    async def hold(request: ActionRequest) -> None:
        arrived.set()
        await answer.wait()

    lifecycle.acquirer.on_arrival = hold
    capture = asyncio.create_task(
        lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, 500))
    )
    await arrived.wait()
    with pytest.raises(InvalidPaymentState):
        await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id))
    with pytest.raises(AmountTooLarge):
        await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, 551))
    answer.set()
    assert (await capture).payment.captured_amount == 500
