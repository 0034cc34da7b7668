"""Parsers for the card fields of a payment request: each returns the value or raises
InvalidField. The limits are named so that the HTTP adapter documents these very rules."""

from __future__ import annotations

import re

from paycore.card import luhn_valid, normalise_pan
from paycore.field_errors import InvalidField
from paycore.text import text_error

MIN_CARD_DIGITS = 14
MAX_CARD_DIGITS = 19
FIRST_MONTH, LAST_MONTH = 1, 12
# A two-digit year is this century's: 30 is 2030.
TWO_DIGIT_YEARS = range(0, 100)
FOUR_DIGIT_YEARS = range(1000, 10_000)
MIN_CVV_DIGITS, MAX_CVV_DIGITS = 3, 4
CVV_PATTERN = rf"[0-9]{{{MIN_CVV_DIGITS},{MAX_CVV_DIGITS}}}"
# A CVV sent as a JSON integer: a leading zero cannot be written, so it has 3 or 4 digits.
CVV_NUMBERS = range(10 ** (MIN_CVV_DIGITS - 1), 10**MAX_CVV_DIGITS)
MAX_REFERENCE_LENGTH = 100
_CVV = re.compile(CVV_PATTERN)
_CARD_LENGTHS = range(MIN_CARD_DIGITS, MAX_CARD_DIGITS + 1)


def card_number(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidField("must be a string of digits")
    digits = normalise_pan(value)
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in _CARD_LENGTHS:
        raise InvalidField(f"must be {MIN_CARD_DIGITS} to {MAX_CARD_DIGITS} digits")
    if not luhn_valid(digits):
        raise InvalidField("is not a valid card number (checksum failed)")
    return digits


def as_int(value: object) -> int | None:
    """JSON integers only: a bool is an int to Python but never a number to a client."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def month(value: object) -> int:
    month = as_int(value)
    if month is None or not FIRST_MONTH <= month <= LAST_MONTH:
        raise InvalidField(f"must be an integer from {FIRST_MONTH} to {LAST_MONTH}")
    return month


def year(value: object) -> int:
    year = as_int(value)
    if year is not None and year in TWO_DIGIT_YEARS:
        return 2000 + year
    if year is not None and year in FOUR_DIGIT_YEARS:
        return year
    raise InvalidField("must be a four-digit year (or two digits, 30 meaning 2030)")


def cvv(value: object) -> str:
    number = as_int(value)
    # `None in range(...)` compares None with every member: ten thousand steps a payment.
    if number is not None and number in CVV_NUMBERS:
        return str(number)
    if isinstance(value, str) and _CVV.fullmatch(value):
        return value
    raise InvalidField(f"must be {MIN_CVV_DIGITS} or {MAX_CVV_DIGITS} digits")


def reference(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidField("must be a string")
    message = text_error(value)
    if message is not None:
        raise InvalidField(message)
    if len(value) > MAX_REFERENCE_LENGTH:
        raise InvalidField(f"must be at most {MAX_REFERENCE_LENGTH} characters")
    return value
