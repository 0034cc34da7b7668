from __future__ import annotations

from datetime import timedelta

import pytest

from paycore import (
    ActionStatus,
    CapturePaymentCommand,
    FailureReason,
    Payment,
    PaymentAction,
    PaymentStatus,
    RefundPaymentCommand,
    SettlementPolicy,
    SettlePendingActions,
    VoidPaymentCommand,
)
from paycore.acquirer_actions import ActionLookupOutcome, ActionRefused, ActionSucceeded
from paycore.bank import LookupUnsupported, Unavailable, Unknown
from tests.unit.paycore.gateway import MERCHANT
from tests.unit.paycore.lifecycle_gateway import Lifecycle
from tests.unit.paycore.sweep_store import SweepUnits

POLICY = SettlementPolicy()


@pytest.fixture
def lifecycle() -> Lifecycle:
    return Lifecycle()


def sweep(lifecycle: Lifecycle, units: SweepUnits | None = None) -> SettlePendingActions:
    return SettlePendingActions(
        uow=units or SweepUnits(lifecycle.gateway.store),
        acquirer=lifecycle.acquirer,
        cache=lifecycle.gateway.cache,
        clock=lifecycle.gateway.clock,
        policy=POLICY,
    )


async def timed_out_capture(lifecycle: Lifecycle) -> tuple[Payment, PaymentAction]:
    """An authorized payment whose capture got no answer, old enough to be looked up."""
    payment = await lifecycle.authorized()
    lifecycle.acquirer.script = [Unknown("timed out")]
    result = await lifecycle.capture(CapturePaymentCommand(MERCHANT, payment.id))
    assert result.action.is_pending
    lifecycle.gateway.clock.advance(POLICY.older_than + timedelta(seconds=1))
    return result.payment, result.action


async def test_a_capture_the_bank_made_is_settled_and_the_cache_refreshed(
    lifecycle: Lifecycle,
) -> None:
    payment, action = await timed_out_capture(lifecycle)
    lifecycle.acquirer.answers[action.id] = ActionSucceeded()

    report = await sweep(lifecycle)()

    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.captured_amount) == (PaymentStatus.CAPTURED, 1050)
    assert report.settled == [stored.actions[0]]
    assert stored.actions[0].status is ActionStatus.SUCCEEDED
    assert (report.given_up, report.still_pending, report.lost_races) == ([], 0, 0)
    cached = await lifecycle.gateway.cache.get(MERCHANT, payment.id)
    assert cached is not None
    assert (cached.status, cached.actions) == (PaymentStatus.CAPTURED, stored.actions)


@pytest.mark.parametrize(
    ("found", "reason"),
    [(ActionRefused("capture_closed"), "capture_closed"), (None, "not_received_by_bank")],
)
async def test_a_refused_or_unseen_action_fails_and_nothing_moves(
    lifecycle: Lifecycle, found: ActionLookupOutcome | None, reason: str
) -> None:
    payment, action = await timed_out_capture(lifecycle)
    del lifecycle.acquirer.answers[action.id]  # the fake answers NotFound for what it lacks
    if found is not None:
        lifecycle.acquirer.answers[action.id] = found

    report = await sweep(lifecycle)()

    stored = await lifecycle.stored(payment.id)
    assert (stored.status, stored.captured_amount) == (PaymentStatus.AUTHORIZED, 0)
    assert [(a.status, a.failure_reason) for a in stored.actions] == [(ActionStatus.FAILED, reason)]
    assert report.settled == list(stored.actions)


@pytest.mark.parametrize(
    "inconclusive",
    [Unavailable(FailureReason.BANK_UNAVAILABLE), Unknown("timed out"), LookupUnsupported()],
)
async def test_an_inconclusive_lookup_leaves_the_action_for_the_next_sweep(
    lifecycle: Lifecycle, inconclusive: ActionLookupOutcome
) -> None:
    payment, action = await timed_out_capture(lifecycle)
    lifecycle.acquirer.answers[action.id] = inconclusive
    before = await lifecycle.stored(payment.id)

    report = await sweep(lifecycle)()

    after = await lifecycle.stored(payment.id)
    assert (after.version, after.actions) == (before.version, before.actions)
    assert (report.settled, report.given_up, report.still_pending) == ([], [], 1)


async def test_an_action_nobody_can_settle_fails_past_the_give_up_age(
    lifecycle: Lifecycle,
) -> None:
    payment, _ = await timed_out_capture(lifecycle)
    lifecycle.gateway.clock.advance(POLICY.give_up_after)

    report = await sweep(lifecycle)()

    stored = await lifecycle.stored(payment.id)
    assert stored.actions[0].failure_reason == FailureReason.UNSETTLED
    assert stored.status is PaymentStatus.AUTHORIZED
    assert report.given_up == [stored.actions[0]]
    assert report.settled == []


async def test_a_young_pending_action_is_not_looked_up(lifecycle: Lifecycle) -> None:
    payment, old = await timed_out_capture(lifecycle)
    lifecycle.acquirer.answers[old.id] = ActionSucceeded()
    await sweep(lifecycle)()  # the capture settles; now a refund starts and times out
    lifecycle.acquirer.script = [Unknown("timed out")]
    refund = (await lifecycle.refund(RefundPaymentCommand(MERCHANT, payment.id))).action
    lifecycle.acquirer.answers[refund.id] = ActionSucceeded()

    report = await sweep(lifecycle)()

    assert report.settled == []
    assert (await lifecycle.stored(payment.id)).actions[-1].is_pending


async def test_a_payment_written_by_someone_else_meanwhile_is_left_to_them(
    lifecycle: Lifecycle,
) -> None:
    payment, action = await timed_out_capture(lifecycle)
    lifecycle.acquirer.answers[action.id] = ActionSucceeded()
    before = await lifecycle.stored(payment.id)

    report = await sweep(lifecycle, SweepUnits(lifecycle.gateway.store, stale=True))()

    assert report.lost_races == 1
    assert report.settled == []
    after = await lifecycle.stored(payment.id)
    assert (after.version, after.actions) == (before.version, before.actions)


async def test_a_void_is_settled_like_a_capture(lifecycle: Lifecycle) -> None:
    payment = await lifecycle.authorized()
    lifecycle.acquirer.script = [Unknown("timed out")]
    action = (await lifecycle.void(VoidPaymentCommand(MERCHANT, payment.id))).action
    lifecycle.acquirer.answers[action.id] = ActionSucceeded()
    lifecycle.gateway.clock.advance(POLICY.older_than + timedelta(seconds=1))

    await sweep(lifecycle)()

    assert (await lifecycle.stored(payment.id)).status is PaymentStatus.VOIDED
