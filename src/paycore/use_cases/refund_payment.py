"""RefundPayment: give back all or part of what was captured (several refunds may add up
to the captured amount, never more)."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.actions import ActionType
from paycore.use_cases.action_ask import ActionAsk
from paycore.use_cases.action_replay import ActionResult
from paycore.use_cases.action_runner import ActionRunner


@dataclass(frozen=True, slots=True)
class RefundPaymentCommand:
    merchant_id: str
    payment_id: str
    # Minor units; None refunds everything captured and not yet refunded.
    amount: int | None = None
    reason: str | None = None
    idempotency_key: str | None = None


class RefundPayment:
    def __init__(self, runner: ActionRunner) -> None:
        self._runner = runner

    async def __call__(self, command: RefundPaymentCommand) -> ActionResult:
        ask = ActionAsk(
            command.merchant_id,
            command.payment_id,
            ActionType.REFUND,
            amount=command.amount,
            reason=command.reason,
            idempotency_key=command.idempotency_key,
        )
        return await self._runner.run(ask)
