"""The component schemas of the OpenAPI document: one per body the gateway sends, written as
the JSON Schema (2020-12, as OpenAPI 3.1 uses) a client can validate a response with.

Every response schema forbids properties it does not list: a test checks each response the
test suite receives against them, so a field added to a body must be documented here.
"""

from __future__ import annotations

from typing import Any

from entrypoints.http.errors import PROBLEM_TYPE
from entrypoints.http.openapi.examples import LEGACY_MESSAGES
from paycore.payment import PaymentStatus

Json = dict[str, Any]

PAYMENT_STATUSES = [status.value for status in PaymentStatus]
CARD_BRANDS = ["visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay", "unknown"]
PROBLEM_SLUGS = {
    "validation-error": "a field is missing or wrong: `errors` lists each one",
    "malformed-request": "the body is not a JSON object, or the Idempotency-Key header is bad",
    "unauthorized": "no bearer token, or a token that is expired, revoked or not an access token",
    "not-found": "no payment with that id for this merchant",
    "idempotency-in-progress": "the first request with this Idempotency-Key is still running",
    "idempotency-key-reused": "this Idempotency-Key was used with a different body",
    "payload-too-large": "the body is larger than 64 KiB",
    "payment-failed": "the bank answered an error or could not be reached; nothing was charged",
    "storage-unavailable": "the payment store could not be reached before the bank was "
    "called: nothing was charged; retry after Retry-After seconds",
    "internal-error": "an unexpected error on the gateway's side",
}


def ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(description: str, properties: Json, optional: tuple[str, ...] = ()) -> Json:
    """A closed object: every listed property is required unless named optional."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def string(description: str, **extra: Any) -> Json:
    return {"type": "string", "description": description, **extra}


def problem_type(*slugs: str) -> Json:
    return {
        "type": "string",
        "enum": [PROBLEM_TYPE + slug for slug in slugs],
        "description": "What went wrong, as a URN a client can switch on:\n"
        + "\n".join(f"- `{PROBLEM_TYPE}{slug}`: {PROBLEM_SLUGS[slug]}" for slug in slugs),
    }


_UUID = {"type": "string", "format": "uuid"}
METADATA = {
    "type": "object",
    "maxProperties": 20,
    "propertyNames": {"type": "string", "minLength": 1, "maxLength": 40},
    "additionalProperties": {"type": "string", "maxLength": 500},
    "examples": [{"order_id": "6735"}],
}
_TIMESTAMP = {"type": "string", "format": "date-time", "examples": ["2026-12-01T22:18:36.237Z"]}
_CURRENCY = string("ISO 4217 code, upper case", pattern="^[A-Z]{3}$", examples=["USD"])
_FIELD_ERRORS = {
    "type": "array",
    "minItems": 1,
    "items": ref("FieldError"),
    "description": "One entry per bad field",
}
_LEGACY_MESSAGES = [message for message, _ in LEGACY_MESSAGES.values()]


def _problem(
    description: str, type_: Json, status: Json, extra: Json | None = None, optional: bool = True
) -> Json:
    properties: Json = {
        "type": type_,
        "title": string("A short summary of the problem type"),
        "status": status,
        "detail": string("What happened, for a human: the same text for the same cause"),
    }
    extra = extra or {}
    return obj(description, properties | extra, optional=tuple(extra) if optional else ())


SCHEMAS: dict[str, Json] = {
    "PaymentStatus": {
        "type": "string",
        "enum": PAYMENT_STATUSES,
        "description": "- `Authorized`: the bank approved; the money is held on the card.\n"
        "- `Declined`: the bank refused (`decline_reason` says why when the bank told).\n"
        "- `Pending`: the bank's answer is unknown (it timed out); the gateway asks it again "
        "and settles the payment by itself: poll GET /v1/payments/{payment_id}.\n"
        "- `Failed`: the bank answered an error or could not be reached; nothing was charged.",
    },
    "Card": obj(
        "The card as the gateway keeps it: never the full number, never the CVV",
        {
            "last4": string("The card number's last four digits", pattern="^[0-9]{4}$"),
            "masked_number": string(
                "The number masked in a fixed shape that does not reveal its length",
                pattern=r"^\*{4} \*{4} \*{4} [0-9]{4}$",
                examples=["**** **** **** 4242"],
            ),
            "brand": {"type": "string", "enum": CARD_BRANDS, "description": "From the prefix"},
            "expiry_month": {"type": "integer", "minimum": 1, "maximum": 12},
            "expiry_year": {"type": "integer", "minimum": 2000, "maximum": 9999},
        },
    ),
    "Payment": obj(
        "A payment. Amounts are integers in the currency's minor unit (USD 10.50 is 1050).",
        {
            "id": _UUID | {"description": "The payment's id (a UUIDv7); also its Location"},
            "status": ref("PaymentStatus"),
            "amount": {"type": "integer", "minimum": 1, "description": "Minor units"},
            "currency": _CURRENCY,
            "card": ref("Card"),
            "reference": {
                "type": ["string", "null"],
                "maxLength": 100,
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
        },
    ),
    "PaymentList": obj(
        "A page of the merchant's payments, newest first",
        {
            "data": {"type": "array", "items": ref("Payment"), "maxItems": 100},
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
    "Problem": _problem(
        "An RFC 9457 problem (application/problem+json)",
        problem_type(
            "unauthorized",
            "not-found",
            "idempotency-in-progress",
            "idempotency-key-reused",
            "payload-too-large",
            "storage-unavailable",
            "internal-error",
        ),
        {
            "type": "integer",
            "enum": [401, 404, 409, 413, 422, 500, 503],
            "description": "HTTP status",
        },
    ),
    "ValidationProblem": _problem(
        "The request cannot be used: nothing was created and the bank was not called",
        problem_type("validation-error", "malformed-request"),
        {"type": "integer", "const": 400},
        {"errors": _FIELD_ERRORS | {"description": "One entry per bad field (validation-error)"}},
    ),
    "PaymentFailedProblem": _problem(
        "The payment was recorded `Failed`: nothing was charged. A new attempt needs a new "
        "Idempotency-Key (the same key replays this answer).",
        problem_type("payment-failed"),
        {"type": "integer", "enum": [502, 503]},
        {"payment_id": _UUID | {"description": "The Failed payment's id, for GET and support"}},
        optional=False,
    ),
    "UnavailableProblem": {
        "description": "A 503: the bank was unreachable (`payment-failed`, with `payment_id`) "
        "or the payment store was (`storage-unavailable`, before any bank call). Either way "
        "nothing was charged.",
        "oneOf": [ref("PaymentFailedProblem"), ref("Problem")],
    },
    "AccessToken": obj(
        "A signed JWT and when it expires",
        {
            "token": string("A JWT: send it as `Authorization: Bearer <token>`"),
            "expires": {"type": "string", "format": "date-time", "description": "UTC"},
        },
    ),
    "TokenPair": obj(
        "An access token (15 minutes by default) and a refresh token (7 days)",
        {"access": ref("AccessToken"), "refresh": ref("AccessToken")},
    ),
    "LoginResponse": obj(
        "Tokens for a merchant",
        {
            "success": {"type": "boolean", "const": True},
            "data": obj("The tokens", {"token": ref("TokenPair")}),
        },
    ),
    "RefreshResponse": obj(
        "A new token pair; the refresh token sent is now spent",
        {
            "success": {"type": "boolean", "const": True},
            "data": obj(
                "The tokens and whose they are",
                {"token": ref("TokenPair"), "email": string("The merchant's email")},
            ),
        },
    ),
    "LegacyError": obj(
        "The original design's error envelope (legacy and authentication routes)",
        {
            "success": {"type": "boolean", "const": False},
            "message": string("What went wrong; `invalid credentials` for every 401"),
            "errors": _FIELD_ERRORS | {"description": "One entry per bad field (on a 400)"},
        },
        optional=("errors",),
    ),
    "LegacyPaymentOutcome": obj(
        "The outcome of POST /v1/process-payment",
        {
            "success": {"type": "boolean", "description": "true only when Authorized"},
            "data": obj(
                "The payment's id and status",
                {
                    "Message": {"type": "string", "enum": _LEGACY_MESSAGES},
                    "Payment ID": _UUID,
                    "Payment Status": ref("PaymentStatus"),
                },
            ),
            "message": {
                "type": "string",
                "enum": [message.lower() for message in _LEGACY_MESSAGES[2:]],
                "description": "Sent for Pending and Failed only",
            },
        },
        optional=("message",),
    ),
    "LegacyPaymentDetails": obj(
        "A payment in the original design's envelope; the amount is in major units",
        {
            "success": {"type": "boolean", "const": True},
            "data": obj(
                "The payment",
                {
                    "Payment Details": obj(
                        "What the legacy API shows of a payment",
                        {
                            "payment_id": _UUID,
                            "masked_card_number": string(
                                "The masked card number", pattern=r"^\*{4} \*{4} \*{4} [0-9]{4}$"
                            ),
                            "amount": {
                                "type": "number",
                                "exclusiveMinimum": 0,
                                "description": "Major units, a JSON number: 10.5 is USD 10.50",
                            },
                            "currency": _CURRENCY,
                            "status": ref("PaymentStatus"),
                        },
                    )
                },
            ),
        },
    ),
    "Health": obj(
        "Whether the process (GET /health) or its database (GET /ready) answers",
        {"status": {"type": "string", "enum": ["ok", "unavailable"]}},
    ),
}
