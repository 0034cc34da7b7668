from __future__ import annotations

import pytest

from paycore import PaymentStatus
from paycore.acquirer_actions import (
    ActionLookupOutcome,
    ActionOutcome,
    ActionRefused,
    ActionSucceeded,
)
from paycore.action_settlement import settle_from_call, settle_from_lookup
from paycore.actions import REFUSED_BY_BANK, ActionStatus
from paycore.bank import LookupUnsupported, NotFound, Unavailable, Unknown
from paycore.payment import FailureReason
from tests.unit.paycore.lifecycle_payments import authorized, later

DOWN = Unavailable(FailureReason.BANK_UNAVAILABLE)


@pytest.mark.parametrize(
    ("outcome", "settled_as", "failure_reason"),
    [
        (ActionSucceeded(), ActionStatus.SUCCEEDED, None),
        (ActionRefused("insufficient"), ActionStatus.FAILED, "insufficient"),
        (ActionRefused(), ActionStatus.FAILED, REFUSED_BY_BANK),
        # The call never reached the bank: nothing was done.
        (DOWN, ActionStatus.FAILED, "bank_unavailable"),
        (Unknown("timeout"), ActionStatus.PENDING, None),
    ],
)
def test_the_answer_to_a_call_settles_the_action(
    outcome: ActionOutcome, settled_as: ActionStatus, failure_reason: str | None
) -> None:
    payment = authorized()
    action = payment.capture("c-1", None, later(payment))
    changed = settle_from_call(payment, action.id, outcome, later(payment))
    assert changed is (settled_as is not ActionStatus.PENDING)
    assert payment.actions[0].status is settled_as
    assert payment.actions[0].failure_reason == failure_reason
    captured = settled_as is ActionStatus.SUCCEEDED
    assert payment.status is (PaymentStatus.CAPTURED if captured else PaymentStatus.AUTHORIZED)


@pytest.mark.parametrize(
    ("outcome", "settled_as", "failure_reason"),
    [
        (ActionSucceeded(), ActionStatus.SUCCEEDED, None),
        (ActionRefused("expired"), ActionStatus.FAILED, "expired"),
        (ActionRefused(), ActionStatus.FAILED, REFUSED_BY_BANK),
        (NotFound(), ActionStatus.FAILED, "not_received_by_bank"),  # the bank never saw it
        # A failed lookup says nothing about the action.
        (DOWN, ActionStatus.PENDING, None),
        (Unknown(), ActionStatus.PENDING, None),
        (LookupUnsupported(), ActionStatus.PENDING, None),
    ],
)
def test_a_lookup_settles_the_action_only_when_conclusive(
    outcome: ActionLookupOutcome, settled_as: ActionStatus, failure_reason: str | None
) -> None:
    payment = authorized()
    action = payment.void("v-1", later(payment))
    version = payment.version
    changed = settle_from_lookup(payment, action.id, outcome, later(payment))
    assert changed is (settled_as is not ActionStatus.PENDING)
    assert payment.actions[0].status is settled_as
    assert payment.actions[0].failure_reason == failure_reason
    assert payment.version == version + changed
    voided = settled_as is ActionStatus.SUCCEEDED
    assert payment.status is (PaymentStatus.VOIDED if voided else PaymentStatus.AUTHORIZED)
