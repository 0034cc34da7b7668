"""CapturePayment: collect all or part of an authorized payment (several captures may
add up to the authorized amount, never more)."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.actions import ActionType
from paycore.use_cases.action_ask import ActionAsk
from paycore.use_cases.action_replay import ActionResult
from paycore.use_cases.action_runner import ActionRunner


@dataclass(frozen=True, slots=True)
class CapturePaymentCommand:
    merchant_id: str
    payment_id: str
    # Minor units; None captures everything left to capture.
    amount: int | None = None
    idempotency_key: str | None = None


class CapturePayment:
    def __init__(self, runner: ActionRunner) -> None:
        self._runner = runner

    async def __call__(self, command: CapturePaymentCommand) -> ActionResult:
        ask = ActionAsk(
            command.merchant_id,
            command.payment_id,
            ActionType.CAPTURE,
            amount=command.amount,
            idempotency_key=command.idempotency_key,
        )
        return await self._runner.run(ask)
