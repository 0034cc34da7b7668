"""SettlePendingPayments: ask the bank what became of old Pending payments and settle them.

The rule: a Pending payment older than `older_than` is looked up by its idempotency key.
Authorized/declined settle it; a bank that never saw the key means nothing was charged
(Failed). Anything inconclusive (bank down, no lookup endpoint) schedules another attempt
with exponential backoff, and past `give_up_after` the payment is settled as Failed with
reason `unsettled_past_deadline` so no payment stays Pending forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from paycore.bank import Authorized, Declined, LookupOutcome, NotFound
from paycore.payment import FailureReason, Payment
from paycore.ports import AcquiringBank, Clock, PaymentCache, UnitOfWorkFactory
from paycore.use_cases.saving import save_unless_stale


@dataclass(frozen=True, slots=True)
class SettlementPolicy:
    older_than: timedelta = timedelta(seconds=60)
    give_up_after: timedelta = timedelta(hours=24)
    first_retry: timedelta = timedelta(seconds=30)
    max_retry: timedelta = timedelta(hours=1)
    batch_size: int = 100

    def next_attempt(self, payment: Payment, now: datetime) -> datetime:
        delay: timedelta = self.first_retry * (2 ** min(payment.settlement_attempts, 20))
        return now + min(delay, self.max_retry)


@dataclass(slots=True)
class SettlementReport:
    settled: list[Payment] = field(default_factory=list)
    still_pending: list[Payment] = field(default_factory=list)
    given_up: list[Payment] = field(default_factory=list)
    lost_races: int = 0

    def file(self, payment: Payment) -> None:
        """List a saved payment by what became of it."""
        if payment.failure_reason == FailureReason.UNSETTLED:
            self.given_up.append(payment)
        elif payment.status.is_terminal:
            self.settled.append(payment)
        else:
            self.still_pending.append(payment)


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlePendingPayments:
    uow: UnitOfWorkFactory
    bank: AcquiringBank
    cache: PaymentCache
    clock: Clock
    policy: SettlementPolicy

    async def __call__(self) -> SettlementReport:
        now = self.clock.now()
        async with self.uow() as uow:
            due = await uow.payments.due_for_settlement(
                now - self.policy.older_than, now, self.policy.batch_size
            )
        report = SettlementReport()
        for payment in due:
            outcome = await self.bank.lookup(payment.id)
            self._settle(payment, outcome, self.clock.now())
            if await save_unless_stale(self.uow, self.cache, payment):
                report.file(payment)
            else:
                report.lost_races += 1
        return report

    def _settle(self, payment: Payment, outcome: LookupOutcome, now: datetime) -> None:
        if isinstance(outcome, Authorized | Declined | NotFound):
            payment.apply(outcome, now)
        # Anything else says nothing of the payment (the lookup failed or is unsupported).
        elif now - payment.created_at >= self.policy.give_up_after:
            payment.fail(FailureReason.UNSETTLED, now)
        else:
            payment.schedule_settlement(self.policy.next_attempt(payment, now), now)
