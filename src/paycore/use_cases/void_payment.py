"""VoidPayment: release an authorized payment of which nothing is captured."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.actions import ActionType
from paycore.use_cases.action_ask import ActionAsk
from paycore.use_cases.action_replay import ActionResult
from paycore.use_cases.action_runner import ActionRunner


@dataclass(frozen=True, slots=True)
class VoidPaymentCommand:
    merchant_id: str
    payment_id: str
    idempotency_key: str | None = None


class VoidPayment:
    def __init__(self, runner: ActionRunner) -> None:
        self._runner = runner

    async def __call__(self, command: VoidPaymentCommand) -> ActionResult:
        ask = ActionAsk(
            command.merchant_id,
            command.payment_id,
            ActionType.VOID,
            idempotency_key=command.idempotency_key,
        )
        return await self._runner.run(ask)
