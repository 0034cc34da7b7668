"""Captures, refunds and voids applied to the open authorizations, moving the money.

Where the contract is silent this follows Stripe and Checkout.com: several partial captures
and refunds; a void only while nothing is captured; a refund ends the capturing, releasing
what was not captured; an omitted amount means everything left.
"""

from __future__ import annotations

from collections.abc import Callable

from banksim.action_answers import (
    SUCCEEDED,
    UNKNOWN_AUTHORIZATION,
    ActionAnswer,
    ActionKind,
    Refusal,
    refused,
)
from banksim.authorizations import Authorization, Authorizations
from banksim.ledger import Ledger


class FollowUps:
    """No method awaits (see Ledger): two actions on one authorization never interleave, so
    their amounts together can never exceed what was left."""

    def __init__(self, authorizations: Authorizations, ledger: Ledger) -> None:
        self._authorizations = authorizations
        self._ledger = ledger

    def apply(self, kind: ActionKind, code: str, amount: int | None) -> ActionAnswer:
        """`amount` is positive, or None for everything left (ignored by a void)."""
        authorization = self._authorizations.get(code)
        if authorization is None:
            return UNKNOWN_AUTHORIZATION
        if authorization.voided:
            return refused(Refusal.ALREADY_VOIDED, "the authorization was voided")
        if kind is ActionKind.CAPTURE:
            return self._capture(authorization, amount)
        if kind is ActionKind.REFUND:
            return self._refund(authorization, amount)
        return self._void(authorization)

    def _capture(self, authorization: Authorization, amount: int | None) -> ActionAnswer:
        left = authorization.left_to_capture
        if authorization.capture_closed:
            message = "a refund ended the capturing; the rest of the hold was released"
            return refused(Refusal.CAPTURE_CLOSED, message)
        if left == 0:
            return refused(Refusal.FULLY_CAPTURED, "the whole amount is already captured")
        amount = left if amount is None else amount
        if amount > left:
            message = f"amount {amount} exceeds the {left} left to capture"
            return refused(Refusal.AMOUNT_EXCEEDS_AUTHORIZATION, message)
        authorization.captured += amount
        self._move(self._ledger.settle, authorization, amount)
        return SUCCEEDED

    def _refund(self, authorization: Authorization, amount: int | None) -> ActionAnswer:
        left = authorization.left_to_refund
        if authorization.captured == 0:
            return refused(Refusal.NOTHING_CAPTURED, "nothing was captured, so nothing to refund")
        if left == 0:
            return refused(Refusal.FULLY_REFUNDED, "everything captured is already refunded")
        amount = left if amount is None else amount
        if amount > left:
            message = f"amount {amount} exceeds the {left} captured and not yet refunded"
            return refused(Refusal.AMOUNT_EXCEEDS_CAPTURED, message)
        self._move(self._ledger.release, authorization, authorization.left_to_capture)
        authorization.capture_closed = True
        authorization.refunded += amount
        self._move(self._ledger.credit, authorization, amount)
        return SUCCEEDED

    def _void(self, authorization: Authorization) -> ActionAnswer:
        if authorization.captured:
            message = "part of the authorization is captured: refund it instead"
            return refused(Refusal.ALREADY_CAPTURED, message)
        authorization.voided = True
        self._move(self._ledger.release, authorization, authorization.amount)
        return SUCCEEDED

    @staticmethod
    def _move(
        move: Callable[[str, str, int], None], authorization: Authorization, amount: int
    ) -> None:
        """Only a funded card has balances to move."""
        if authorization.card_number is not None and amount:
            move(authorization.card_number, authorization.currency, amount)
