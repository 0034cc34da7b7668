"""The payment resource's schemas: a payment, its card, its status, a page of them."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, anchored, obj, ref, string
from paycore.actions import ActionStatus, ActionType
from paycore.fields import FIRST_MONTH, FOUR_DIGIT_YEARS, LAST_MONTH, MAX_REFERENCE_LENGTH
from paycore.listing import MAX_LIMIT
from paycore.metadata import MAX_KEY_LENGTH, MAX_KEYS, MAX_VALUE_LENGTH
from paycore.payment import PaymentStatus
from paycore.validation import CURRENCY_CODE_PATTERN, MIN_AMOUNT

PAYMENT_STATUSES = [status.value for status in PaymentStatus]
CARD_BRANDS = ["visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay", "unknown"]
UUID = {"type": "string", "format": "uuid"}
METADATA = {
    "type": "object",
    "maxProperties": MAX_KEYS,
    "propertyNames": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
    "additionalProperties": {"type": "string", "maxLength": MAX_VALUE_LENGTH},
    "examples": [{"order_id": "6735"}],
}
_TIMESTAMP = {"type": "string", "format": "date-time", "examples": ["2026-12-01T22:18:36.237Z"]}
_MINOR = {"type": "integer", "minimum": 0}
ACTION_SCHEMA = obj(
    "A capture, void or refund of the payment. While one is `Pending` the payment keeps its "
    "status and amounts; a `Failed` one changed nothing.",
    {
        "id": UUID | {"description": "The action's id, also the bank's Idempotency-Key"},
        "type": {"type": "string", "enum": [t.value for t in ActionType]},
        "amount": {"type": "integer", "minimum": 1, "description": "Minor units"},
        "status": {"type": "string", "enum": [s.value for s in ActionStatus]},
        "reason": {"type": ["string", "null"], "description": "A refund's reason, as sent"},
        "created_at": _TIMESTAMP | {"description": "When the gateway received it (UTC)"},
        "updated_at": _TIMESTAMP | {"description": "When its status last changed (UTC)"},
    },
)
CURRENCY_PATTERN = anchored(CURRENCY_CODE_PATTERN)
CURRENCY = string("ISO 4217 code, upper case", pattern=CURRENCY_PATTERN, examples=["USD"])
MASKED_NUMBER_PATTERN = r"^\*{4} \*{4} \*{4} [0-9]{4}$"

PAYMENT_SCHEMAS: dict[str, Json] = {
    "PaymentStatus": {
        "type": "string",
        "enum": PAYMENT_STATUSES,
        "description": "- `Authorized`: the bank approved; the money is held on the card.\n"
        "- `Declined`: the bank refused (`decline_reason` says why when the bank told).\n"
        "- `Pending`: the bank's answer is unknown (it timed out); the gateway asks it again "
        "and settles the payment by itself: poll GET /v1/payments/{payment_id}.\n"
        "- `Failed`: the bank answered an error or could not be reached; nothing was charged.\n"
        "- `PartiallyCaptured`, `Captured`: part or all of the authorized amount is collected.\n"
        "- `Voided`: the authorization was released; nothing was collected.\n"
        "- `PartiallyRefunded`, `Refunded`: part or all of what was collected was given back.\n"
        "- `Expired`: authorized, never captured, and past PAYGATE_AUTHORIZATION_TTL.",
    },
    "Card": obj(
        "The card as the gateway keeps it: never the full number, never the CVV",
        {
            "last4": string("The card number's last four digits", pattern="^[0-9]{4}$"),
            "masked_number": string(
                "The number masked in a fixed shape that does not reveal its length",
                pattern=MASKED_NUMBER_PATTERN,
                examples=["**** **** **** 4242"],
            ),
            "brand": {"type": "string", "enum": CARD_BRANDS, "description": "From the prefix"},
            "expiry_month": {"type": "integer", "minimum": FIRST_MONTH, "maximum": LAST_MONTH},
            # Stored as four digits: a two-digit year is read as 20xx.
            "expiry_year": {"type": "integer", "minimum": 2000, "maximum": FOUR_DIGIT_YEARS[-1]},
        },
    ),
    "Payment": obj(
        "A payment. Amounts are integers in the currency's minor unit (USD 10.50 is 1050).",
        {
            "id": UUID | {"description": "The payment's id (a UUIDv7); also its Location"},
            "status": ref("PaymentStatus"),
            "amount": {"type": "integer", "minimum": MIN_AMOUNT, "description": "Minor units"},
            "currency": CURRENCY,
            "card": ref("Card"),
            "reference": {
                "type": ["string", "null"],
                "maxLength": MAX_REFERENCE_LENGTH,
                "description": "The merchant's own reference, as sent",
            },
            "metadata": METADATA | {"description": "Your own labels, as sent; `{}` if none"},
            "authorization_code": {
                "type": ["string", "null"],
                "description": "The bank's authorization code: set when `Authorized`, else null",
            },
            "decline_reason": {
                "type": ["string", "null"],
                "description": "Why the bank declined, when it said (e.g. `insufficient_funds`)",
            },
            "created_at": _TIMESTAMP | {"description": "When the gateway received it (UTC)"},
            "updated_at": _TIMESTAMP | {"description": "When its status last changed (UTC)"},
            "captured_amount": _MINOR | {"description": "Collected so far (minor units)"},
            "refunded_amount": _MINOR | {"description": "Given back so far (minor units)"},
            "actions": {
                "type": "array",
                "items": ref("Action"),
                "description": "Its captures, voids and refunds, oldest first",
            },
        },
    ),
    "Action": ACTION_SCHEMA,
    "PaymentList": obj(
        "A page of the merchant's payments, newest first",
        {
            "data": {"type": "array", "items": ref("Payment"), "maxItems": MAX_LIMIT},
            "has_more": {
                "type": "boolean",
                "description": "More payments lie in the direction of travel: pass the last "
                "id as `starting_after` (or the first as `ending_before`) for the next page",
            },
        },
    ),
    "FieldError": obj(
        "One invalid field of a request",
        {
            "field": string("The field's name as sent", examples=["card_number"]),
            "message": string("What is wrong with it", examples=["must be 14 to 19 digits"]),
        },
    ),
}
