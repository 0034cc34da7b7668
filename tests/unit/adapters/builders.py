"""Domain objects for adapter tests: valid by default, every field overridable."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from paycore.card import CardSummary, Expiry
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.money import Money
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken

T0 = datetime(2026, 1, 15, 12, 0, 0, 123456, tzinfo=UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def payment(
    merchant_id: str | None = None,
    *,
    created_at: datetime = T0,
    metadata: dict[str, str] | None = None,
    **fields,
) -> Payment:
    made = Payment(
        id=new_id(),
        merchant_id=merchant_id or new_id(),
        amount=Money.of_minor(1050, "USD"),
        card=CardSummary("4242", "visa", Expiry(12, 2030), "f" * 64),
        reference="order-123",
        created_at=created_at,
        updated_at=created_at,
        metadata=metadata or {},
    )
    for name, value in fields.items():
        setattr(made, name, value)
    return made


def claim(merchant_id: str, key: str, payment_id: str, fingerprint: str = "fp-1"):
    return IdempotencyRecord(merchant_id, key, fingerprint, payment_id, T0)


def merchant(email: str = "shop@example.com") -> Merchant:
    return Merchant(new_id(), email, T0)


def refresh_token(family_id: str | None = None, merchant_id: str | None = None) -> RefreshToken:
    return RefreshToken(
        jti=new_id(),
        family_id=family_id or new_id(),
        merchant_id=merchant_id or new_id(),
        expires_at=T0 + timedelta(days=7),
    )


def later(moment: datetime, seconds: float) -> datetime:
    return moment + timedelta(seconds=seconds)


__all__ = ["T0", "claim", "later", "merchant", "new_id", "payment", "refresh_token", "replace"]
