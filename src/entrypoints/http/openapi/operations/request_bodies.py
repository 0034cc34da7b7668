"""The request bodies and the Idempotency-Key header of the payment routes, built from the
rules the domain checks them with."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, anchored
from entrypoints.http.openapi.schemas.payments import CURRENCY_PATTERN, METADATA
from entrypoints.http.routes.payment_requests import (
    IDEMPOTENCY_KEY_PATTERN,
    MAX_IDEMPOTENCY_KEY_LENGTH,
)
from paycore.fields import (
    CVV_NUMBERS,
    CVV_PATTERN,
    FIRST_MONTH,
    FOUR_DIGIT_YEARS,
    LAST_MONTH,
    MAX_CARD_DIGITS,
    MAX_CVV_DIGITS,
    MAX_REFERENCE_LENGTH,
    MIN_CARD_DIGITS,
    MIN_CVV_DIGITS,
    TWO_DIGIT_YEARS,
)
from paycore.metadata import MAX_KEY_LENGTH, MAX_KEYS, MAX_VALUE_LENGTH
from paycore.validation import DEFAULT_MAX_AMOUNT, MIN_AMOUNT

CARD_NUMBER = {
    "type": "string",
    "description": f"{MIN_CARD_DIGITS}-{MAX_CARD_DIGITS} digits, Luhn-valid; spaces and "
    "hyphens are ignored",
    "examples": ["4242 4242 4242 4242"],
}
MONTH = {"type": "integer", "minimum": FIRST_MONTH, "maximum": LAST_MONTH, "examples": [12]}
YEAR = {
    "type": "integer",
    "minimum": TWO_DIGIT_YEARS[0],
    "maximum": FOUR_DIGIT_YEARS[-1],
    "description": "Four digits, or two (30 means 2030). The card is valid through the last "
    "day of its expiry month (UTC).",
    "examples": [2030],
}
CVV = {
    "oneOf": [
        {"type": "string", "pattern": anchored(CVV_PATTERN)},
        {"type": "integer", "minimum": CVV_NUMBERS[0], "maximum": CVV_NUMBERS[-1]},
    ],
    "description": f"{MIN_CVV_DIGITS} or {MAX_CVV_DIGITS} digits: a string (an integer of "
    f"{MIN_CVV_DIGITS}-{MAX_CVV_DIGITS} digits is accepted too). "
    "Never stored, never logged.",
    "examples": ["123"],
}
CURRENCY = {
    "type": "string",
    "pattern": CURRENCY_PATTERN,
    "description": "ISO 4217, upper case, one of the gateway's currencies "
    "(PAYGATE_CURRENCIES, default USD, EUR, GBP)",
    "examples": ["USD"],
}
METADATA = METADATA | {
    "description": f"Optional: at most {MAX_KEYS} keys of 1-{MAX_KEY_LENGTH} characters to "
    f"strings of at most {MAX_VALUE_LENGTH}; "
    "stored and returned on the payment. A key or value that looks like a card number is "
    "refused (400), as are NUL characters; every violation is listed as `metadata.<key>`.",
}


def _payment_request(description: str, expiry: tuple[str, str], amount: Json, **rest: Json) -> Json:
    """A payment's body; the routes differ in the expiry's names, the amount's unit and
    which optional fields they take."""
    month, year = expiry
    card = {"card_number": CARD_NUMBER, month: MONTH, year: YEAR, "cvv": CVV}
    return {
        "type": "object",
        "description": description,
        "required": ["card_number", month, year, "cvv", "amount", "currency"],
        "properties": card | {"amount": amount, "currency": CURRENCY} | rest,
    }


PAYMENT_REQUEST = _payment_request(
    "Unknown fields are ignored. Any invalid field is a 400 naming every bad "
    "field; no payment is created and the bank is not called.",
    ("expiry_month", "expiry_year"),
    {
        "type": "integer",
        "minimum": MIN_AMOUNT,
        "description": "Minor units: USD 10.50 is 1050. At most PAYGATE_MAX_AMOUNT "
        f"(default {DEFAULT_MAX_AMOUNT}).",
        "examples": [1050],
    },
    reference={
        "type": ["string", "null"],
        "maxLength": MAX_REFERENCE_LENGTH,
        "description": "Your own reference (an order number), returned as sent",
        "examples": ["order-123"],
    },
    metadata=METADATA,
    capture={
        "type": "boolean",
        "description": "Optional (default false): capture the whole amount as soon as the "
        "bank authorizes it; the answer shows `Captured`, or `Authorized` with a `Pending` "
        "capture action while the capture's outcome is unknown.",
        "examples": [False],
    },
)
LEGACY_PAYMENT_REQUEST = _payment_request(
    "As POST /v1/payments, with the expiry as `exp_month`/`exp_year` "
    "(`expiry_month`/`expiry_year` accepted too) and the amount in major units.",
    ("exp_month", "exp_year"),
    {
        "oneOf": [
            {"type": "number", "exclusiveMinimum": 0},
            {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"},
        ],
        "description": 'Major units, a number or a decimal string: 10.5 or "10.50". '
        "More decimal places than the currency has is a 400.",
        "examples": [10.5],
    },
    metadata=METADATA,
)
IDEMPOTENCY_KEY = {
    "description": f"Optional; 1-{MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, "
    "unique per payment attempt "
    "(an order id plus attempt number works). Sent again with the same body, it answers "
    "the first response (status and body) with `Idempotent-Replayed: true` and the bank is "
    "called once; with a different body: 422; while the first is still running: 409. Keys "
    "are kept per merchant for at least 24 hours.",
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_IDEMPOTENCY_KEY_LENGTH,
        "pattern": anchored(IDEMPOTENCY_KEY_PATTERN),
        "examples": ["order-123-attempt-1"],
    },
}
