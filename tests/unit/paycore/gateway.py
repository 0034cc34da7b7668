"""A paycore wired to the in-memory adapters, built fresh per test (and per hypothesis example)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from adapters.clock_ids_hashing import HmacFingerprinter
from adapters.memory import (
    InMemoryBank,
    InMemoryPaymentCache,
    InMemoryStore,
    ManualClock,
    SequentialIds,
)
from paycore import (
    ListPayments,
    Money,
    Payment,
    PaymentPolicy,
    PaymentRequest,
    ProcessPayment,
    ProcessPaymentCommand,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
)
from paycore.card import CardSummary, Expiry
from paycore.ports import AcquiringBank

MERCHANT = "merchant-1"
OTHER_MERCHANT = "merchant-2"
# Simulator rules: an odd last digit is authorized, an even one declined.
AUTHORIZED_PAN = "4111111111111111"
DECLINED_PAN = "4000056655665556"
FINGERPRINT_KEY = b"unit-test-fingerprint-key-32-byt"


def payment_request(**overrides: Any) -> PaymentRequest:
    """A valid request (the clock's default date is 2026-01-15) with some fields replaced."""
    fields: dict[str, Any] = {
        "card_number": "4111 1111 1111 1111",
        "expiry_month": 12,
        "expiry_year": 2030,
        "cvv": "123",
        "amount": 1050,
        "currency": "USD",
        "reference": "order-123",
    }
    fields.update(overrides)
    return PaymentRequest(**fields)


def command(
    key: str | None = None, merchant: str = MERCHANT, **overrides: Any
) -> ProcessPaymentCommand:
    return ProcessPaymentCommand(merchant, payment_request(**overrides), idempotency_key=key)


@dataclass
class Gateway:
    bank: AcquiringBank = field(default_factory=InMemoryBank)
    settlement_policy: SettlementPolicy = field(default_factory=SettlementPolicy)
    store: InMemoryStore = field(default_factory=InMemoryStore)
    cache: InMemoryPaymentCache = field(default_factory=InMemoryPaymentCache)
    clock: ManualClock = field(default_factory=ManualClock)
    ids: SequentialIds = field(default_factory=SequentialIds)
    fingerprinter: HmacFingerprinter = field(
        default_factory=lambda: HmacFingerprinter(FINGERPRINT_KEY)
    )

    @property
    def process(self) -> ProcessPayment:
        return ProcessPayment(
            uow=self.store.unit_of_work,
            bank=self.bank,
            cache=self.cache,
            clock=self.clock,
            ids=self.ids,
            fingerprinter=self.fingerprinter,
            policy=PaymentPolicy(),
        )

    @property
    def retrieve(self) -> RetrievePayment:
        return RetrievePayment(uow=self.store.unit_of_work, cache=self.cache)

    @property
    def list(self) -> ListPayments:
        return ListPayments(uow=self.store.unit_of_work)

    @property
    def settle(self) -> SettlePendingPayments:
        return SettlePendingPayments(
            uow=self.store.unit_of_work,
            bank=self.bank,
            cache=self.cache,
            clock=self.clock,
            policy=self.settlement_policy,
        )


def new_payment(payment_id: str = "00000000-0000-7000-8000-000000000001") -> Payment:
    """A Pending payment as ProcessPayment would create it, for state machine tests."""
    at = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    card = CardSummary(last4="1111", brand="visa", expiry=Expiry(12, 2030), fingerprint="fp")
    return Payment(
        id=payment_id,
        merchant_id=MERCHANT,
        amount=Money.of_minor(1050, "USD"),
        card=card,
        reference=None,
        created_at=at,
        updated_at=at,
    )
