"""Parsers for the card fields of a payment request: each returns a value or a message."""

from __future__ import annotations

import re

from paycore.card import luhn_valid, normalise_pan

MAX_REFERENCE_LENGTH = 100
_CVV = re.compile(r"\d{3,4}")


def card_number(value: object) -> tuple[str, str | None]:
    if not isinstance(value, str):
        return "", "must be a string of digits"
    digits = normalise_pan(value)
    if not digits.isascii() or not digits.isdigit() or not 14 <= len(digits) <= 19:
        return "", "must be 14 to 19 digits"
    if not luhn_valid(digits):
        return "", "is not a valid card number (checksum failed)"
    return digits, None


def as_int(value: object) -> int | None:
    """JSON integers only: a bool is an int to Python but never a number to a client."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def month(value: object) -> tuple[int, str | None]:
    month = as_int(value)
    if month is None or not 1 <= month <= 12:
        return 0, "must be an integer from 1 to 12"
    return month, None


def year(value: object) -> tuple[int, str | None]:
    year = as_int(value)
    if year is not None and 0 <= year <= 99:
        return 2000 + year, None
    if year is not None and 1000 <= year <= 9999:
        return year, None
    return 0, "must be a four-digit year (or two digits, 30 meaning 2030)"


def cvv(value: object) -> tuple[str, str | None]:
    number = as_int(value)
    if number is not None and 100 <= number <= 9999:
        return str(number), None
    if isinstance(value, str) and value.isascii() and _CVV.fullmatch(value):
        return value, None
    return "", "must be 3 or 4 digits"


def reference_error(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return "must be a string"
    if "\x00" in value:
        return "must not contain NUL characters"
    if len(value) > MAX_REFERENCE_LENGTH:
        return f"must be at most {MAX_REFERENCE_LENGTH} characters"
    return None
