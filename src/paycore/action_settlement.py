"""How a bank's answer settles a Pending action: straight from the call, or from a lookup
by the sweep. Both leave the action Pending when the answer is inconclusive."""

from __future__ import annotations

from datetime import datetime

from paycore.acquirer_actions import (
    ActionLookupOutcome,
    ActionOutcome,
    ActionRefused,
    ActionSucceeded,
)
from paycore.actions import REFUSED_BY_BANK
from paycore.bank import NotFound, Unavailable
from paycore.payment import FailureReason, Payment


def settle_from_call(
    payment: Payment, action_id: str, outcome: ActionOutcome, at: datetime
) -> bool:
    """Apply the answer to the call that carried the action; True if the action settled.

    `Unavailable` fails it: the bank refused the call or could not be reached, so
    nothing was done. `Unknown` (a timeout) leaves it Pending for the sweep.
    """
    match outcome:
        case ActionSucceeded():
            payment.confirm_action(action_id, at)
        case ActionRefused(reason):
            payment.fail_action(action_id, reason or REFUSED_BY_BANK, at)
        case Unavailable(reason):
            payment.fail_action(action_id, reason, at)
        case _:
            return False
    return True


def settle_from_lookup(
    payment: Payment, action_id: str, outcome: ActionLookupOutcome, at: datetime
) -> bool:
    """Apply what a lookup found; True if the action settled (then save the payment).

    A bank that never saw the id did nothing (Failed). A bank that is down, slow or
    cannot tell leaves the action Pending: unlike a call, a failed lookup says nothing
    about what the bank did.
    """
    match outcome:
        case ActionSucceeded():
            payment.confirm_action(action_id, at)
        case ActionRefused(reason):
            payment.fail_action(action_id, reason or REFUSED_BY_BANK, at)
        case NotFound():
            payment.fail_action(action_id, FailureReason.NOT_RECEIVED_BY_BANK, at)
        case _:
            return False
    return True
