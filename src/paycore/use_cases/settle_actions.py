"""SettlePendingActions: ask the bank what became of old Pending captures, voids and
refunds, and settle them.

The rule mirrors SettlePendingPayments: an action Pending for longer than `older_than` is
looked up by its id (the Idempotency-Key it was sent with). A conclusive answer settles it
(`settle_from_lookup`); an inconclusive one leaves it for the next sweep, and past
`give_up_after` it fails with `unsettled_past_deadline` so no action stays Pending forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from paycore.acquirer_actions import AcquirerActions
from paycore.action_settlement import settle_from_lookup
from paycore.actions import PaymentAction
from paycore.payment import FailureReason, Payment
from paycore.ports import Clock, PaymentCache, UnitOfWorkFactory
from paycore.use_cases.saving import save_unless_stale
from paycore.use_cases.settle_pending import SettlementPolicy


@dataclass(slots=True)
class ActionSettlementReport:
    settled: list[PaymentAction] = field(default_factory=list)
    given_up: list[PaymentAction] = field(default_factory=list)
    still_pending: int = 0
    lost_races: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlePendingActions:
    uow: UnitOfWorkFactory
    acquirer: AcquirerActions
    cache: PaymentCache
    clock: Clock
    policy: SettlementPolicy

    async def __call__(self) -> ActionSettlementReport:
        cutoff = self.clock.now() - self.policy.older_than
        async with self.uow() as uow:
            due = await uow.payments.with_pending_actions(cutoff, self.policy.batch_size)
        report = ActionSettlementReport()
        for payment in due:
            settled = await self._settle(payment, cutoff, report)
            if not settled:
                continue
            if not await save_unless_stale(self.uow, self.cache, payment):
                report.lost_races += 1
                continue
            for action in settled:
                failed = action.failure_reason == FailureReason.UNSETTLED
                (report.given_up if failed else report.settled).append(action)
        return report

    async def _settle(
        self, payment: Payment, cutoff: datetime, report: ActionSettlementReport
    ) -> list[PaymentAction]:
        """Settle what the bank can tell of the payment's old Pending actions; the settled."""
        settled: list[PaymentAction] = []
        for action in [a for a in payment.actions if a.is_pending and a.updated_at < cutoff]:
            outcome = await self.acquirer.lookup_action(action.id)
            now = self.clock.now()
            if not settle_from_lookup(payment, action.id, outcome, now):
                if now - action.created_at < self.policy.give_up_after:
                    report.still_pending += 1
                    continue
                payment.fail_action(action.id, FailureReason.UNSETTLED, now)
            settled.append(next(a for a in payment.actions if a.id == action.id))
        return settled
