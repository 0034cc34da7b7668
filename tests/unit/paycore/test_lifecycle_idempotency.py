from __future__ import annotations

import asyncio

import pytest

from paycore import (
    ActionStatus,
    CapturePaymentCommand,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    PaymentNotFound,
    RefundPaymentCommand,
    VoidPaymentCommand,
)
from paycore.acquirer_actions import ActionRequest
from paycore.action_settlement import settle_from_lookup
from paycore.actions import ActionType
from paycore.bank import Unavailable, Unknown
from paycore.errors import StorageUnavailable
from paycore.idempotency import IdempotencyRecord
from paycore.payment import FailureReason
from paycore.use_cases.action_ask import ActionAsk
from paycore.use_cases.action_replay import action_fingerprint, scoped_key
from tests.unit.paycore.acquirers import FailingCommits
from tests.unit.paycore.gateway import MERCHANT, OTHER_MERCHANT
from tests.unit.paycore.lifecycle_gateway import Lifecycle


@pytest.fixture
def lifecycle() -> Lifecycle:
    return Lifecycle()


async def test_the_same_key_and_body_replay_the_first_answer(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    capture = CapturePaymentCommand(MERCHANT, payment.id, amount=300, idempotency_key="k-1")
    lifecycle.acquirer.script = [Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=9)]
    first = await lifecycle.capture(capture)
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, amount=300))
    again = await lifecycle.capture(capture)
    assert again.replayed
    assert (again.payment.actions, again.action) == (first.payment.actions, first.action)
    assert again.action.status is ActionStatus.FAILED
    assert again.retry_after_seconds == 9
    assert len(lifecycle.acquirer.calls) == 2  # the replay reached no bank


async def test_a_different_body_with_the_same_key_is_refused(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, 300, "k-1"))
    for different in (200, None):
        with pytest.raises(IdempotencyKeyReused):
            await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id, different, "k-1"))
    await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id, 100, "why", "k-2"))
    with pytest.raises(IdempotencyKeyReused):
        await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id, 100, "other", "k-2"))


async def test_a_key_is_scoped_to_the_merchant_and_the_route(lifecycle: Lifecycle) -> None:
    first = await lifecycle.authorized()
    second = await lifecycle.authorized()
    capture = await lifecycle.capture(CapturePaymentCommand(MERCHANT, first.id, 600, "k"))
    refund = await lifecycle.refund(RefundPaymentCommand(MERCHANT, first.id, 600, None, "k"))
    void = await lifecycle.void(VoidPaymentCommand(MERCHANT, second.id, "k"))
    assert not (capture.replayed or refund.replayed or void.replayed)
    assert [a.type for a in refund.payment.actions] == [ActionType.CAPTURE, ActionType.REFUND]
    # Another merchant's key never reaches this payment's records: it is not found.
    with pytest.raises(PaymentNotFound):
        await lifecycle.capture(CapturePaymentCommand(OTHER_MERCHANT, first.id, 600, "k"))


async def test_a_key_whose_first_request_is_in_flight_is_refused(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    arrived, answer = asyncio.Event(), asyncio.Event()

    async def hold(request: ActionRequest) -> None:
        arrived.set()
        await answer.wait()

    lifecycle.acquirer.on_arrival = hold
    capture = CapturePaymentCommand(MERCHANT, payment.id, idempotency_key="k-1")
    first = asyncio.create_task(lifecycle.capture(capture))
    await arrived.wait()
    with pytest.raises(IdempotencyRequestInProgress):
        await lifecycle.capture(capture)
    answer.set()
    assert (await first).action.status is ActionStatus.SUCCEEDED
    assert (await lifecycle.capture(capture)).replayed


async def test_a_key_claimed_by_a_request_still_reading_is_in_flight(
    lifecycle: Lifecycle,
) -> None:
    payment = await lifecycle.authorized()
    fingerprinter = lifecycle.gateway.fingerprinter
    ask = ActionAsk(MERCHANT, payment.id, ActionType.VOID, idempotency_key="k-1")
    record = IdempotencyRecord(
        MERCHANT,
        scoped_key(ask, "k-1", fingerprinter),
        action_fingerprint(ask, fingerprinter),
        payment.id,
        payment.created_at,
    )
    async with lifecycle.gateway.store.unit_of_work() as holder:
        await holder.idempotency.claim(record)  # its action is not recorded yet
        with pytest.raises(IdempotencyRequestInProgress):
            await lifecycle.void(VoidPaymentCommand(MERCHANT, payment.id, "k-1"))


async def test_a_first_answer_lost_to_an_outage_replays_once_the_action_settles() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    # Commit 1 records the action; commit 2, the bank's answer, fails.
    lifecycle.units = FailingCommits(lifecycle.gateway.store, {2: StorageUnavailable("down")})
    capture = CapturePaymentCommand(MERCHANT, payment.id, idempotency_key="k-1")
    answered = await lifecycle.capture(capture)
    assert answered.action.status is ActionStatus.PENDING  # what is stored: a 202
    with pytest.raises(IdempotencyRequestInProgress):
        await lifecycle.capture(capture)
    # The sweep asks the bank and settles it.
    stored = await lifecycle.stored(payment.id)
    outcome = await lifecycle.acquirer.lookup_action(answered.action.id)
    assert settle_from_lookup(stored, answered.action.id, outcome, stored.updated_at)
    async with lifecycle.gateway.store.unit_of_work() as uow:
        await uow.payments.save(stored)
        await uow.commit()
    replay = await lifecycle.capture(capture)
    assert replay.replayed
    assert replay.action.status is ActionStatus.SUCCEEDED
    assert len(lifecycle.acquirer.calls) == 1


async def test_a_pending_first_answer_replays_as_pending(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    lifecycle.acquirer.script = [Unknown()]
    capture = CapturePaymentCommand(MERCHANT, payment.id, idempotency_key="k-1")
    await lifecycle.capture(capture)
    replay = await lifecycle.capture(capture)
    assert replay.replayed
    assert replay.action.status is ActionStatus.PENDING
