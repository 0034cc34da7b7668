"""What one authorization holds at the in-memory bank, and the simulator's rules for the
actions on it (banksim/TEST_CARDS.md): each refusal carries the simulator's code."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.acquirer_actions import ActionOutcome, ActionRefused, ActionSucceeded
from paycore.actions import ActionType


@dataclass(slots=True)
class AuthorizationHold:
    authorized: int
    captured: int = 0
    refunded: int = 0
    voided: bool = False
    # A refund of a partly captured authorization releases the rest: no capture after it.
    capture_closed: bool = False

    def apply(self, action: ActionType, amount: int | None) -> ActionOutcome:
        refusal = self._refusal(action, amount)
        if refusal is not None:
            return ActionRefused(refusal)
        match action:
            case ActionType.CAPTURE:
                self.captured += self.authorized - self.captured if amount is None else amount
            case ActionType.VOID:
                self.voided = True
            case _:
                self.refunded += self.captured - self.refunded if amount is None else amount
                self.capture_closed = True
        return ActionSucceeded()

    def _refusal(self, action: ActionType, amount: int | None) -> str | None:
        if self.voided:
            return "already_voided"
        match action:
            case ActionType.CAPTURE:
                left = self.authorized - self.captured
                if self.capture_closed:
                    return "capture_closed"
                if left == 0:
                    return "fully_captured"
                return "amount_exceeds_authorization" if (amount or 0) > left else None
            case ActionType.VOID:
                return "already_captured" if self.captured else None
            case _:
                left = self.captured - self.refunded
                if self.captured == 0:
                    return "nothing_captured"
                if left == 0:
                    return "fully_refunded"
                return "amount_exceeds_captured" if (amount or 0) > left else None
