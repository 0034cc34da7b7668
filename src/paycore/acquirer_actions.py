"""What the gateway asks an acquiring bank about an authorized payment (capture, void,
refund, and later what became of one), and the outcomes those calls can have.

`Unavailable` and `Unknown` mean what they mean for authorizations (paycore.bank).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from paycore.actions import ActionType, PaymentAction
from paycore.bank import LookupUnsupported, NotFound, Unavailable, Unknown
from paycore.money import Money
from paycore.payment import Payment


@dataclass(frozen=True, slots=True)
class ActionRequest:
    # The action's id: the bank's Idempotency-Key, so a retry never acts twice.
    action_id: str
    payment_id: str
    authorization_code: str | None
    amount: Money
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ActionSucceeded:
    """The bank confirmed the action."""


@dataclass(frozen=True, slots=True)
class ActionRefused:
    """The bank refused the action (its 422): nothing moved."""

    reason: str | None = None


ActionOutcome = ActionSucceeded | ActionRefused | Unavailable | Unknown
ActionLookupOutcome = ActionOutcome | NotFound | LookupUnsupported


class AcquirerActions(Protocol):
    @property
    def supports_actions(self) -> bool:
        """False for a bank that can only authorize: every action is refused up front."""
        ...

    async def capture(self, request: ActionRequest) -> ActionOutcome:
        """Collect `amount` of the authorization."""
        ...

    async def void(self, request: ActionRequest) -> ActionOutcome:
        """Release the whole authorization."""
        ...

    async def refund(self, request: ActionRequest) -> ActionOutcome:
        """Give back `amount` of what was collected."""
        ...

    async def lookup_action(self, action_id: str) -> ActionLookupOutcome:
        """What the bank did with an earlier action carrying this id."""
        ...


async def ask_acquirer(
    acquirer: AcquirerActions, payment: Payment, action: PaymentAction
) -> ActionOutcome:
    """Send a recorded action to the bank, in the payment's currency."""
    request = ActionRequest(
        action_id=action.id,
        payment_id=payment.id,
        authorization_code=payment.authorization_code,
        amount=Money(action.amount, payment.amount.currency),
        reason=action.reason,
    )
    match action.type:
        case ActionType.CAPTURE:
            return await acquirer.capture(request)
        case ActionType.VOID:
            return await acquirer.void(request)
        case _:
            return await acquirer.refund(request)
