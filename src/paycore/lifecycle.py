"""The lifecycle moves of the Payment aggregate: capture, void, refund and their settling.

Each action is first recorded Pending (before the bank is called, its id being the bank's
Idempotency-Key) and settled later. Until then the payment keeps its status and amounts,
but a Pending capture or refund reserves its amount, so actions in flight together can
never exceed what is left; an action of another type waits for them (see
`blocking_action`), as does anything while a void is Pending. A status that forbids the
action is refused before the amount is looked at, and a refused action changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from paycore.actions import ActionStatus, ActionType, PaymentAction, blocking_action, reserved
from paycore.errors import (
    AmountTooLarge,
    FieldError,
    IllegalTransition,
    InvalidPaymentState,
    ValidationFailed,
)
from paycore.event_types import SUCCEEDED_ACTION_EVENTS, EventType

if TYPE_CHECKING:
    from collections.abc import Callable

    from paycore.money import Money
    from paycore.payment_status import PaymentStatus


class PaymentLifecycle:
    """Mixed into Payment, which supplies the state and the status rules."""

    if TYPE_CHECKING:
        id: str
        amount: Money
        status: PaymentStatus
        captured_amount: int
        refunded_amount: int
        actions: tuple[PaymentAction, ...]
        updated_at: datetime
        version: int

        # The status rules, which Payment holds with its statuses.
        _accepts: Callable[[ActionType], bool]
        _apply_success: Callable[[PaymentAction], None]
        _note: Callable[[EventType], None]
    else:
        # Keeps Payment's slots (a base without __slots__ would give it a __dict__); hidden
        # from mypy, which would otherwise refuse the attributes Payment declares.
        __slots__ = ()

    def capture(
        self,
        action_id: str,
        amount: int | None,
        at: datetime,
        *,
        idempotency_key: str | None = None,
    ) -> PaymentAction:
        """Start capturing `amount` (default: everything left to capture)."""
        left = self.amount.minor - self.captured_amount - reserved(self.actions, ActionType.CAPTURE)
        return self._start(ActionType.CAPTURE, action_id, amount, left, None, at, idempotency_key)

    def void(
        self, action_id: str, at: datetime, *, idempotency_key: str | None = None
    ) -> PaymentAction:
        """Start releasing the whole authorization; only while nothing is captured."""
        whole = self.amount.minor
        return self._start(ActionType.VOID, action_id, whole, whole, None, at, idempotency_key)

    def refund(
        self,
        action_id: str,
        amount: int | None,
        at: datetime,
        *,
        reason: str | None = None,
        idempotency_key: str | None = None,
    ) -> PaymentAction:
        """Start giving back `amount` (default: everything captured and not yet refunded).

        Once one succeeds on a PartiallyCaptured payment, the capturing is over.
        """
        left = (
            self.captured_amount - self.refunded_amount - reserved(self.actions, ActionType.REFUND)
        )
        return self._start(ActionType.REFUND, action_id, amount, left, reason, at, idempotency_key)

    def confirm_action(self, action_id: str, at: datetime) -> PaymentAction:
        """The bank did it: the action's amount moves, and the status with it."""
        settled = self._settle(action_id, ActionStatus.SUCCEEDED, None, at)
        self._apply_success(settled)
        self._note(SUCCEEDED_ACTION_EVENTS[settled.type])
        return settled

    def fail_action(self, action_id: str, reason: str, at: datetime) -> PaymentAction:
        """The bank did nothing: only the action changes."""
        failed = self._settle(action_id, ActionStatus.FAILED, reason, at)
        self._note(EventType.ACTION_FAILED)
        return failed

    def _settle(
        self, action_id: str, status: ActionStatus, reason: str | None, at: datetime
    ) -> PaymentAction:
        index = next((i for i, a in enumerate(self.actions) if a.id == action_id), None)
        if index is None or not self.actions[index].is_pending:
            raise IllegalTransition(f"payment {self.id} has no Pending action {action_id}")
        settled = self.actions[index].settled(status, at, reason)
        self.actions = (*self.actions[:index], settled, *self.actions[index + 1 :])
        self._lifecycle_changed(at)
        return settled

    def _start(
        self,
        action_type: ActionType,
        action_id: str,
        amount: int | None,
        left: int,
        reason: str | None,
        at: datetime,
        idempotency_key: str | None,
    ) -> PaymentAction:
        if not self._accepts(action_type):
            raise InvalidPaymentState(f"a {self.status} payment takes no {action_type}")
        blocker = blocking_action(self.actions, action_type)
        if blocker is not None:
            raise InvalidPaymentState(f"a {blocker.type} is in flight on payment {self.id}")
        # `bool` is an int to Python, never to a merchant.
        if amount is not None and (type(amount) is not int or amount < 1):
            raise ValidationFailed([FieldError("amount", "must be a positive integer")])
        wanted = left if amount is None else amount
        if wanted > left or wanted == 0:
            raise AmountTooLarge(f"{wanted} asked, {left} left to {action_type} on {self.id}")
        action = PaymentAction(
            action_id, action_type, wanted, ActionStatus.PENDING, reason, at, at, idempotency_key
        )
        self.actions = (*self.actions, action)
        self._lifecycle_changed(at)
        return action

    def _lifecycle_changed(self, at: datetime) -> None:
        self.updated_at = at
        self.version += 1
