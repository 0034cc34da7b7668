"""The original design's `{success, ...}` envelopes (authentication and legacy routes) and
the health answer."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, obj, ref, string
from entrypoints.http.openapi.schemas.payments import CURRENCY, MASKED_NUMBER_PATTERN, UUID
from entrypoints.http.openapi.schemas.problems import FIELD_ERRORS
from entrypoints.http.presenters import LEGACY_OUTCOMES

_LEGACY_MESSAGES = [message for message, _ in LEGACY_OUTCOMES.values()]

ENVELOPE_SCHEMAS: dict[str, Json] = {
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
            "errors": FIELD_ERRORS | {"description": "One entry per bad field (on a 400)"},
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
                    "Payment ID": UUID,
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
                            "payment_id": UUID,
                            "masked_card_number": string(
                                "The masked card number", pattern=MASKED_NUMBER_PATTERN
                            ),
                            "amount": {
                                "type": "number",
                                "exclusiveMinimum": 0,
                                "description": "Major units, a JSON number: 10.5 is USD 10.50",
                            },
                            "currency": CURRENCY,
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
