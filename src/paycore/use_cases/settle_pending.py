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
from paycore.errors import StalePayment
from paycore.payment import FailureReason, Payment
from paycore.ports import AcquiringBank, Clock, PaymentCache, UnitOfWorkFactory


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


class SettlePendingPayments:
    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        bank: AcquiringBank,
        cache: PaymentCache,
        clock: Clock,
        policy: SettlementPolicy,
    ) -> None:
        self._uow = uow
        self._bank = bank
        self._cache = cache
        self._clock = clock
        self._policy = policy

    async def __call__(self) -> SettlementReport:
        now = self._clock.now()
        async with self._uow() as uow:
            due = await uow.payments.due_for_settlement(
                now - self._policy.older_than, now, self._policy.batch_size
            )
        report = SettlementReport()
        for payment in due:
            outcome = await self._bank.lookup(payment.id)
            listed_in = self._settle(payment, outcome, self._clock.now(), report)
            try:
                async with self._uow() as uow:
                    await uow.payments.save(payment)
                    await uow.commit()
            except StalePayment:
                # Another gateway process settled it between our read and our write.
                report.lost_races += 1
                continue
            listed_in.append(payment)
            await self._cache.put(payment)
        return report

    def _settle(
        self, payment: Payment, outcome: LookupOutcome, now: datetime, report: SettlementReport
    ) -> list[Payment]:
        """Apply the outcome; return the report list the payment belongs in once saved."""
        match outcome:
            case Authorized(code):
                payment.authorize(code, now)
                return report.settled
            case Declined(reason):
                payment.decline(reason, now)
                return report.settled
            case NotFound():
                payment.fail(FailureReason.NOT_RECEIVED_BY_BANK, now)
                return report.settled
            case _ if now - payment.created_at >= self._policy.give_up_after:
                payment.fail(FailureReason.UNSETTLED, now)
                return report.given_up
            case _:
                payment.schedule_settlement(self._policy.next_attempt(payment, now), now)
                return report.still_pending
