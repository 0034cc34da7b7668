"""paycore's use cases wired to a real bank client and the in-memory adapters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from adapters.clock_ids_hashing import HmacFingerprinter, Uuid7Generator
from adapters.memory import InMemoryPaymentCache, InMemoryStore, ManualClock
from paycore.payment import Payment
from paycore.ports import AcquiringBank
from paycore.use_cases import (
    PaymentResult,
    ProcessPayment,
    ProcessPaymentCommand,
    SettlementPolicy,
    SettlementReport,
    SettlePendingPayments,
)
from paycore.validation import PaymentPolicy, PaymentRequest

MERCHANT = "merchant-1"
SHORT_POLICY = SettlementPolicy(
    older_than=timedelta(seconds=1),
    give_up_after=timedelta(seconds=30),
    first_retry=timedelta(seconds=1),
    max_retry=timedelta(seconds=5),
)


@dataclass
class Gateway:
    bank: AcquiringBank
    lookups: AcquiringBank
    policy: SettlementPolicy = SHORT_POLICY
    store: InMemoryStore = field(default_factory=InMemoryStore)
    clock: ManualClock = field(default_factory=ManualClock)
    cache: InMemoryPaymentCache = field(default_factory=InMemoryPaymentCache)

    async def pay(self, card_number: str, amount: int = 100) -> PaymentResult:
        process = ProcessPayment(
            uow=self.store.unit_of_work,
            bank=self.bank,
            cache=self.cache,
            clock=self.clock,
            ids=Uuid7Generator(),
            fingerprinter=HmacFingerprinter(b"integration-test-key"),
            policy=PaymentPolicy(),
        )
        request = PaymentRequest(card_number, 4, 2030, "123", amount, "GBP")
        return await process(ProcessPaymentCommand(MERCHANT, request))

    async def settle_after(self, delay: timedelta) -> SettlementReport:
        self.clock.advance(delay)
        settle = SettlePendingPayments(
            uow=self.store.unit_of_work,
            bank=self.lookups,
            cache=self.cache,
            clock=self.clock,
            policy=self.policy,
        )
        return await settle()

    def stored(self, payment_id: str) -> Payment:
        return self.store.payments[payment_id]
