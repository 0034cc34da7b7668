"""ExpireAuthorizations: let authorizations nobody captured lapse once their time is up
(an authorization holds the cardholder's funds; the bank releases them after a while)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from paycore.errors import IllegalTransition
from paycore.payment import DEFAULT_AUTHORIZATION_TTL, Payment
from paycore.ports import Clock, PaymentCache, UnitOfWorkFactory
from paycore.use_cases.saving import save_unless_stale


@dataclass(frozen=True, slots=True)
class ExpiryPolicy:
    ttl: timedelta = DEFAULT_AUTHORIZATION_TTL
    batch_size: int = 100


@dataclass(slots=True)
class ExpiryReport:
    expired: list[Payment] = field(default_factory=list)
    # Changed since the store chose it (a capture started, another process expired it).
    skipped: int = 0
    lost_races: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpireAuthorizations:
    uow: UnitOfWorkFactory
    cache: PaymentCache
    clock: Clock
    policy: ExpiryPolicy

    async def __call__(self) -> ExpiryReport:
        now = self.clock.now()
        async with self.uow() as uow:
            due = await uow.payments.authorized_before(
                now - self.policy.ttl, self.policy.batch_size
            )
        report = ExpiryReport()
        for payment in due:
            try:
                # The aggregate has the last word: anything captured or in flight stays.
                payment.expire(now, self.policy.ttl)
            except IllegalTransition:
                report.skipped += 1
                continue
            if await save_unless_stale(self.uow, self.cache, payment):
                report.expired.append(payment)
            else:
                report.lost_races += 1
        return report
