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
        "captured_amount": 0,
        "refunded_amount": 0,
        "actions": [],
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
