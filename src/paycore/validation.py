"""Turns an untrusted payment request into validated values, reporting every bad field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Literal

from paycore import fields
from paycore.card import CardDetails, Expiry
from paycore.errors import InvalidAmount
from paycore.field_errors import FieldErrors, InvalidField
from paycore.fields import as_int
from paycore.metadata import Metadata, parse_metadata
from paycore.money import Money, currency, exact_decimal

DEFAULT_CURRENCIES = frozenset({"USD", "EUR", "GBP"})
DEFAULT_MAX_AMOUNT = 100_000_000
MIN_AMOUNT = 1
CURRENCY_CODE_PATTERN = "[A-Z]{3}"
_CURRENCY_CODE = re.compile(CURRENCY_CODE_PATTERN)


@dataclass(frozen=True, slots=True)
class PaymentPolicy:
    currencies: frozenset[str] = DEFAULT_CURRENCIES
    max_amount: int = DEFAULT_MAX_AMOUNT

    def __post_init__(self) -> None:
        # Fail at start-up, not with an UnknownCurrency escaping validation per request.
        for code in self.currencies:
            currency(code)


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """Raw fields as a client sent them; types are checked here, not trusted."""

    card_number: object = field(repr=False)
    expiry_month: object
    expiry_year: object
    cvv: object = field(repr=False)
    amount: object
    currency: object
    reference: object = None
    # An object of string keys to string values; None (absent) is no metadata.
    metadata: object = None
    # Legacy clients send decimal major units (10.50) instead of minor units (1050).
    amount_unit: Literal["minor", "major"] = "minor"


@dataclass(frozen=True, slots=True)
class ValidPayment:
    card: CardDetails
    amount: Money
    reference: str | None
    metadata: Metadata


def validate(request: PaymentRequest, policy: PaymentPolicy, today: date) -> ValidPayment:
    errors = FieldErrors()
    pan = errors.parse("card_number", fields.card_number, request.card_number)
    month = errors.parse("expiry_month", fields.month, request.expiry_month)
    year = errors.parse("expiry_year", fields.year, request.expiry_year)
    if month and year and not Expiry(month, year).is_valid_on(today):
        errors.add("expiry_year", "the card has expired")
    cvv = errors.parse("cvv", fields.cvv, request.cvv)
    code = errors.parse("currency", partial(_currency, policy=policy), request.currency)
    amount_of = partial(_amount, unit=request.amount_unit, code=code, policy=policy)
    amount = errors.parse("amount", amount_of, request.amount)
    reference = errors.parse("reference", fields.reference, request.reference)
    metadata, metadata_errors = parse_metadata(request.metadata)
    errors.extend(metadata_errors)
    errors.raise_if_any()
    assert pan and month and year and cvv and amount
    card = CardDetails(number=pan, cvv=cvv, expiry=Expiry(month, year))
    return ValidPayment(card=card, amount=amount, reference=reference, metadata=metadata)


def _currency(value: object, policy: PaymentPolicy) -> str:
    if not isinstance(value, str) or not _CURRENCY_CODE.fullmatch(value):
        raise InvalidField("must be an upper-case ISO 4217 code")
    if value not in policy.currencies:
        raise InvalidField(f"must be one of {', '.join(sorted(policy.currencies))}")
    return value


def _amount(value: object, unit: str, code: str | None, policy: PaymentPolicy) -> Money | None:
    amount = _amount_as_sent(value, unit)
    if code is None:
        # The currency is bad too: what the amount means is unknown, its sign is not.
        if amount <= 0:
            raise InvalidField("must be a positive amount")
        return None
    money = Money.of_minor(amount, code) if isinstance(amount, int) else _major(amount, code)
    if not MIN_AMOUNT <= money.minor <= policy.max_amount:
        raise InvalidField(f"must be between {MIN_AMOUNT} and {policy.max_amount} minor units")
    return money


def _major(amount: Decimal, code: str) -> Money:
    try:
        return Money.from_major(amount, code)
    except InvalidAmount as exc:  # more decimal places than the currency has
        raise InvalidField(str(exc)) from None


def _amount_as_sent(value: object, unit: str) -> int | Decimal:
    """An integer of minor units, or a decimal of major ones: its type and form checked."""
    if unit == "minor":
        minor = as_int(value)
        if minor is None:
            raise InvalidField("must be an integer in the currency's minor unit")
        return minor
    if not isinstance(value, Decimal | int | str) or isinstance(value, bool):
        raise InvalidField("must be a decimal number")
    try:
        return exact_decimal(value)
    except InvalidAmount as exc:
        raise InvalidField(str(exc)) from None
