"""Turns an untrusted payment request into validated values, reporting every bad field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from paycore import fields
from paycore.card import CardDetails, Expiry
from paycore.errors import FieldError, InvalidAmount, ValidationFailed
from paycore.fields import as_int
from paycore.metadata import Metadata, parse_metadata
from paycore.money import Money, currency, exact_decimal

DEFAULT_CURRENCIES = frozenset({"USD", "EUR", "GBP"})
DEFAULT_MAX_AMOUNT = 100_000_000
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_NOT_POSITIVE = "must be a positive amount"


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
    errors: list[FieldError] = []

    def check(name: str, message: str | None) -> None:
        if message is not None:
            errors.append(FieldError(name, message))

    pan, pan_error = fields.card_number(request.card_number)
    check("card_number", pan_error)
    month, month_error = fields.month(request.expiry_month)
    check("expiry_month", month_error)
    year, year_error = fields.year(request.expiry_year)
    check("expiry_year", year_error)
    if month and year and not Expiry(month, year).is_valid_on(today):
        check("expiry_year", "the card has expired")
    cvv, cvv_error = fields.cvv(request.cvv)
    check("cvv", cvv_error)
    code, currency_error = _currency(request.currency, policy)
    check("currency", currency_error)
    amount, amount_error = _amount(request.amount, request.amount_unit, code, policy)
    check("amount", amount_error)
    check("reference", fields.reference_error(request.reference))
    metadata, metadata_errors = parse_metadata(request.metadata)
    errors.extend(metadata_errors)
    if errors:
        raise ValidationFailed(errors)
    assert amount is not None and month and year
    card = CardDetails(number=pan, cvv=cvv, expiry=Expiry(month, year))
    reference = request.reference if isinstance(request.reference, str) else None
    return ValidPayment(card=card, amount=amount, reference=reference, metadata=metadata)


def _currency(value: object, policy: PaymentPolicy) -> tuple[str, str | None]:
    if not isinstance(value, str) or not _CURRENCY_CODE.fullmatch(value):
        return "", "must be an upper-case ISO 4217 code"
    if value not in policy.currencies:
        return "", f"must be one of {', '.join(sorted(policy.currencies))}"
    return value, None


def _amount(
    value: object, unit: str, code: str, policy: PaymentPolicy
) -> tuple[Money | None, str | None]:
    if not code:
        # The currency is bad too: what the amount means is unknown, its shape is not.
        return None, _amount_shape_error(value, unit)
    if unit == "minor":
        minor = as_int(value)
        if minor is None:
            return None, "must be an integer in the currency's minor unit"
        money = Money.of_minor(minor, code)
    else:
        if not isinstance(value, Decimal | int | str) or isinstance(value, bool):
            return None, "must be a decimal number"
        try:
            money = Money.from_major(value, code)
        except InvalidAmount as exc:
            return None, str(exc)
    if not 1 <= money.minor <= policy.max_amount:
        return None, f"must be between 1 and {policy.max_amount} minor units"
    return money, None


def _amount_shape_error(value: object, unit: str) -> str | None:
    """What is wrong with an amount whatever its currency: its type, form or sign."""
    if unit == "minor":
        minor = as_int(value)
        if minor is None:
            return "must be an integer in the currency's minor unit"
        return None if minor > 0 else _NOT_POSITIVE
    if not isinstance(value, Decimal | int | str) or isinstance(value, bool):
        return "must be a decimal number"
    try:
        major = exact_decimal(value)
    except InvalidAmount as exc:
        return str(exc)
    return None if major > 0 else _NOT_POSITIVE
