"""The response shapes of API.md as msgspec Structs (they also feed the OpenAPI document).

Request bodies have no Structs on purpose: `body.py` decodes them loosely so validation
can report every wrong field at once; `openapi.py` documents what they should contain.
"""

from __future__ import annotations

from decimal import Decimal

import msgspec


class CardOut(msgspec.Struct):
    last4: str
    masked_number: str
    brand: str
    expiry_month: int
    expiry_year: int


class ActionOut(msgspec.Struct):
    id: str
    type: str
    amount: int
    status: str
    reason: str | None
    created_at: str
    updated_at: str


class PaymentOut(msgspec.Struct):
    id: str
    status: str
    amount: int
    currency: str
    card: CardOut
    reference: str | None
    metadata: dict[str, str]
    authorization_code: str | None
    decline_reason: str | None
    created_at: str
    updated_at: str
    captured_amount: int
    refunded_amount: int
    # Oldest first.
    actions: list[ActionOut]


class PaymentListOut(msgspec.Struct):
    """A page of payments, newest first; `has_more`: more lie in the direction of travel."""

    data: list[PaymentOut]
    has_more: bool


class FieldErrorOut(msgspec.Struct):
    field: str
    message: str


class Problem(msgspec.Struct, omit_defaults=True):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldErrorOut] | None = None
    payment_id: str | None = None


class TokenOut(msgspec.Struct):
    token: str
    expires: str


class TokenPairOut(msgspec.Struct):
    access: TokenOut
    refresh: TokenOut


class TokenData(msgspec.Struct, omit_defaults=True):
    token: TokenPairOut
    email: str | None = None


class TokenEnvelope(msgspec.Struct):
    success: bool
    data: TokenData


class LegacyPaymentData(msgspec.Struct):
    message: str = msgspec.field(name="Message")
    payment_id: str = msgspec.field(name="Payment ID")
    payment_status: str = msgspec.field(name="Payment Status")


class LegacyPaymentEnvelope(msgspec.Struct, omit_defaults=True):
    success: bool
    data: LegacyPaymentData
    message: str | None = None


class LegacyPaymentDetails(msgspec.Struct):
    payment_id: str
    masked_card_number: str
    amount: Decimal
    currency: str
    status: str


class LegacyDetailsData(msgspec.Struct):
    details: LegacyPaymentDetails = msgspec.field(name="Payment Details")


class LegacyDetailsEnvelope(msgspec.Struct):
    success: bool
    data: LegacyDetailsData


class LegacyError(msgspec.Struct, omit_defaults=True):
    success: bool
    message: str
    errors: list[FieldErrorOut] | None = None


class Health(msgspec.Struct):
    status: str
