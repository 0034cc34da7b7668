"""One flat record shape for a Payment, shared by the SQL rows and the cached JSON.

The record holds what the gateway may keep of a card (last four digits, brand, expiry,
keyed fingerprint); a Payment has no card number or CVV to leak in the first place.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from adapters.action_codec import ActionRecord, action_from_record, action_record, utc
from paycore.card import CardSummary, Expiry
from paycore.money import Money
from paycore.payment import Payment, PaymentStatus


class PaymentRecord(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    merchant_id: str
    amount: int
    currency: str
    card_last4: str
    card_brand: str
    card_expiry_month: int
    card_expiry_year: int
    card_fingerprint: str
    reference: str | None
    # Records written before metadata existed (cached copies, idempotency snapshots) have
    # none: they decode as empty metadata.
    metadata: dict[str, str] = {}
    status: str
    authorization_code: str | None
    decline_reason: str | None
    failure_reason: str | None
    version: int
    settlement_attempts: int
    next_settlement_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # Records written before the lifecycle existed (rows upgraded from migration 0004,
    # cached copies, idempotency snapshots) hold a payment no action has touched.
    captured_amount: int = 0
    refunded_amount: int = 0
    # Oldest first, as the payment holds them.
    actions: list[ActionRecord] = []


PAYMENT_COLUMNS: tuple[str, ...] = PaymentRecord.__struct_fields__
TIMESTAMP_COLUMNS = frozenset({"next_settlement_at", "created_at", "updated_at"})
# Stored in one JSON column: see the stores' migration 0005 for why, and what guards it.
ACTIONS_COLUMN = PAYMENT_COLUMNS.index("actions")

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(PaymentRecord)


def to_record(payment: Payment) -> PaymentRecord:
    card = payment.card
    return PaymentRecord(
        id=payment.id,
        merchant_id=payment.merchant_id,
        amount=payment.amount.minor,
        currency=payment.amount.currency.code,
        card_last4=card.last4,
        card_brand=card.brand,
        card_expiry_month=card.expiry.month,
        card_expiry_year=card.expiry.year,
        card_fingerprint=card.fingerprint,
        reference=payment.reference,
        metadata=dict(payment.metadata),
        status=payment.status.value,
        authorization_code=payment.authorization_code,
        decline_reason=payment.decline_reason,
        failure_reason=None if payment.failure_reason is None else str(payment.failure_reason),
        version=payment.version,
        settlement_attempts=payment.settlement_attempts,
        next_settlement_at=payment.next_settlement_at,
        created_at=payment.created_at,
        updated_at=payment.updated_at,
        captured_amount=payment.captured_amount,
        refunded_amount=payment.refunded_amount,
        actions=[action_record(a) for a in payment.actions],
    )


def from_record(record: PaymentRecord) -> Payment:
    return Payment(
        id=record.id,
        merchant_id=record.merchant_id,
        amount=Money.of_minor(record.amount, record.currency),
        card=CardSummary(
            last4=record.card_last4,
            brand=record.card_brand,
            expiry=Expiry(record.card_expiry_month, record.card_expiry_year),
            fingerprint=record.card_fingerprint,
        ),
        reference=record.reference,
        created_at=utc(record.created_at),
        updated_at=utc(record.updated_at),
        status=PaymentStatus(record.status),
        authorization_code=record.authorization_code,
        decline_reason=record.decline_reason,
        failure_reason=record.failure_reason,
        version=record.version,
        settlement_attempts=record.settlement_attempts,
        next_settlement_at=None
        if record.next_settlement_at is None
        else utc(record.next_settlement_at),
        metadata=record.metadata,
        captured_amount=record.captured_amount,
        refunded_amount=record.refunded_amount,
        actions=tuple(action_from_record(a) for a in record.actions),
    )


def to_row(payment: Payment) -> tuple[object, ...]:
    """The record's values in PAYMENT_COLUMNS order."""
    return msgspec.structs.astuple(to_record(payment))


def from_row(values: tuple[object, ...] | list[object]) -> Payment:
    """A payment from values in PAYMENT_COLUMNS order (ids already text)."""
    return from_record(PaymentRecord(**dict(zip(PAYMENT_COLUMNS, values, strict=True))))  # type: ignore[arg-type]


def encode_json(payment: Payment) -> bytes:
    return _encoder.encode(to_record(payment))


def decode_json(data: bytes | str) -> Payment:
    return from_record(_decoder.decode(data))
