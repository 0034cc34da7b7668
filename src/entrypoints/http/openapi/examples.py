"""Example bodies of the OpenAPI document: what the gateway answered for the simulator's test
cards (src/banksim/TEST_CARDS.md), copied from a real run and kept valid by a test."""

from __future__ import annotations

from typing import Any

from entrypoints.http.errors import PROBLEM_TYPE

AUTHORIZED_ID = "01a233b0-374e-7527-9a5c-a36dfe74f5fb"
DECLINED_ID = "01a233b0-37af-75b8-933a-a200db55922f"
NO_FUNDS_ID = "01a233b0-37c2-7137-ad6a-76f32b3e01f6"
FAILED_ID = "01a233b0-37d2-7078-8775-aab10235d443"
PENDING_ID = "01a233b0-3f0e-7d41-8a3b-5c2e9d7f6a10"
ACCESS_JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXlnYXRlIiwiYXVkIjoicGF5Z2F0ZS1tZXJja"
    "GFudHMiLCJzdWIiOiIwMWEyMzNiMC0xYTk5LTc2ODQtYjMyNi1jYjgxM2VkNzY3ZmYiLCJ0eXAiOiJhY2Nlc3Mi"
    "fQ.emIQtzklU8k9TCwwGEW3M0XKsde-KV6S9PywJlLXLfU"
)
REFRESH_JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXlnYXRlIiwiYXVkIjoicGF5Z2F0ZS1tZXJja"
    "GFudHMiLCJzdWIiOiIwMWEyMzNiMC0xYTk5LTc2ODQtYjMyNi1jYjgxM2VkNzY3ZmYiLCJ0eXAiOiJyZWZyZXNo"
    "In0.W-oNt6GTm_rg5FT9Z-yeLxqaDIsFYNpnOv1-DzfAUjM"
)
API_KEY = "pk_jajBArtQEos9bzE3bTUtR2CE0yKZLbe4UMItHoZFNBE"
EMAIL = "demo@paygate.local"


def example(summary: str, value: Any, description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"summary": summary, "value": value}
    if description:
        out["description"] = description
    return out


def payment_body(card_number: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "card_number": card_number,
        "expiry_month": 12,
        "expiry_year": 2030,
        "cvv": "123",
        "amount": 1050,
        "currency": "USD",
        "reference": "order-123",
    }
    return body | overrides


def payment(
    payment_id: str, status: str, last4: str, brand: str = "visa", **overrides: Any
) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "id": payment_id,
        "status": status,
        "amount": 1050,
        "currency": "USD",
        "card": {
            "last4": last4,
            "masked_number": f"**** **** **** {last4}",
            "brand": brand,
            "expiry_month": 12,
            "expiry_year": 2030,
        },
        "reference": "order-123",
        "metadata": {"order_id": "6735"},
        "authorization_code": None,
        "decline_reason": None,
        "created_at": "2026-12-01T22:18:36.237Z",
        "updated_at": "2026-12-01T22:18:36.311Z",
    }
    return resource | overrides


AUTHORIZED = payment(
    AUTHORIZED_ID, "Authorized", "4242", authorization_code="66fd3f88-8da3-4848-8e4c-c8423756dfbe"
)
DECLINED = payment(DECLINED_ID, "Declined", "0002")
NO_FUNDS = payment(NO_FUNDS_ID, "Declined", "0119", decline_reason="insufficient_funds")
PENDING = payment(PENDING_ID, "Pending", "4242", updated_at="2026-12-01T22:18:36.237Z")
FAILED = payment(FAILED_ID, "Failed", "5100", brand="mastercard")
PAGE = {"data": [AUTHORIZED, NO_FUNDS], "has_more": True}
LAST_PAGE = {"data": [DECLINED], "has_more": False}


def problem(slug: str, title: str, status: int, detail: str, **extra: Any) -> dict[str, Any]:
    return {"type": PROBLEM_TYPE + slug, "title": title, "status": status, "detail": detail} | extra


CARD_CHECKSUM = {"field": "card_number", "message": "is not a valid card number (checksum failed)"}
BAD_MONTH = {"field": "expiry_month", "message": "must be an integer from 1 to 12"}
VALIDATION_PROBLEM = problem(
    "validation-error",
    "Invalid request",
    400,
    "card_number: is not a valid card number (checksum failed); "
    "expiry_month: must be an integer from 1 to 12",
    errors=[CARD_CHECKSUM, BAD_MONTH],
)
LIST_VALIDATION_PROBLEM = problem(
    "validation-error",
    "Invalid request",
    400,
    "limit: must be an integer from 1 to 100; "
    "status: must be one of Pending, Authorized, Declined, Failed",
    errors=[
        {"field": "limit", "message": "must be an integer from 1 to 100"},
        {"field": "status", "message": "must be one of Pending, Authorized, Declined, Failed"},
    ],
)
MALFORMED_PROBLEM = problem(
    "malformed-request", "Malformed request", 400, "the body must be valid UTF-8 JSON"
)
BAD_KEY_PROBLEM = problem(
    "malformed-request",
    "Malformed request",
    400,
    "Idempotency-Key must be 1 to 255 printable ASCII characters",
)
UNAUTHORIZED_PROBLEM = problem("unauthorized", "Unauthorized", 401, "missing bearer token")
EXPIRED_PROBLEM = problem("unauthorized", "Unauthorized", 401, "token expired")
NOT_FOUND_PROBLEM = problem("not-found", "Not found", 404, "payment not found")
IN_PROGRESS_PROBLEM = problem(
    "idempotency-in-progress",
    "Conflict",
    409,
    "a request with this Idempotency-Key is still being processed; retry later",
)
TOO_LARGE_PROBLEM = problem(
    "payload-too-large", "Payload too large", 413, "Request Entity Too Large"
)
KEY_REUSED_PROBLEM = problem(
    "idempotency-key-reused",
    "Unprocessable request",
    422,
    "this Idempotency-Key was already used with a different request body",
)
BANK_ERROR_PROBLEM = problem(
    "payment-failed",
    "Bank error",
    502,
    "the bank could not process the payment; nothing was charged",
    payment_id=FAILED_ID,
)
BANK_DOWN_PROBLEM = problem(
    "payment-failed",
    "Bank unavailable",
    503,
    "the bank could not be reached; nothing was charged",
    payment_id=FAILED_ID,
)
STORAGE_DOWN_PROBLEM = problem(
    "storage-unavailable",
    "Service unavailable",
    503,
    "the payment store is unavailable; nothing was charged, retry shortly",
)
INTERNAL_PROBLEM = problem("internal-error", "Internal error", 500, "an unexpected error")


def token_pair() -> dict[str, Any]:
    return {
        "access": {"token": ACCESS_JWT, "expires": "2026-12-01T22:33:35Z"},
        "refresh": {"token": REFRESH_JWT, "expires": "2026-12-08T22:18:35Z"},
    }


LOGIN_OK = {"success": True, "data": {"token": token_pair()}}
REFRESH_OK = {"success": True, "data": {"token": token_pair(), "email": EMAIL}}
INVALID_CREDENTIALS = {"success": False, "message": "invalid credentials"}


def legacy_error(message: str, *errors: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {"success": False, "message": message}
    if errors:
        body["errors"] = list(errors)
    return body


LEGACY_VALIDATION = legacy_error(
    "card_number: is not a valid card number (checksum failed); "
    "expiry_month: must be an integer from 1 to 12",
    CARD_CHECKSUM,
    BAD_MONTH,
)
LEGACY_MALFORMED = legacy_error("the body must be valid UTF-8 JSON")
LEGACY_NOT_FOUND = legacy_error("payment not found")
LEGACY_IN_PROGRESS = legacy_error(IN_PROGRESS_PROBLEM["detail"])
LEGACY_KEY_REUSED = legacy_error(KEY_REUSED_PROBLEM["detail"])
LEGACY_TOO_LARGE = legacy_error("Request Entity Too Large")
LEGACY_INTERNAL = legacy_error("an unexpected error")
MISSING_TOKEN_FIELD = legacy_error(
    "token: is required (a non-empty string)",
    {"field": "token", "message": "is required (a non-empty string)"},
)
MISSING_LOGIN_FIELDS = legacy_error(
    "email: is required (a non-empty string); api_key: is required (a non-empty string)",
    {"field": "email", "message": "is required (a non-empty string)"},
    {"field": "api_key", "message": "is required (a non-empty string)"},
)

LEGACY_MESSAGES = {
    "Authorized": ("Payment processed successfully", True),
    "Declined": ("Payment declined", False),
    "Pending": ("Payment pending: the bank has not answered yet", False),
    "Failed": ("Payment failed: the bank could not process it", False),
}


def legacy_outcome(status: str, payment_id: str) -> dict[str, Any]:
    message, success = LEGACY_MESSAGES[status]
    body: dict[str, Any] = {
        "success": success,
        "data": {"Message": message, "Payment ID": payment_id, "Payment Status": status},
    }
    if status in {"Pending", "Failed"}:
        body["message"] = message.lower()
    return body


def legacy_request(card_number: str, amount: Any = 10.5) -> dict[str, Any]:
    return {
        "card_number": card_number,
        "exp_month": 12,
        "exp_year": 30,
        "cvv": 123,
        "amount": amount,
        "currency": "USD",
    }


LEGACY_DETAILS = {
    "success": True,
    "data": {
        "Payment Details": {
            "payment_id": AUTHORIZED_ID,
            "masked_card_number": "**** **** **** 4242",
            "amount": 10.5,
            "currency": "USD",
            "status": "Authorized",
        }
    },
}
