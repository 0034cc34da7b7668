"""Example bodies of the original design's `{success, ...}` envelopes."""

from __future__ import annotations

from typing import Any

from entrypoints.http.openapi.examples import (
    AUTHORIZED_ID,
    BAD_MONTH,
    CARD_CHECKSUM,
    IN_PROGRESS_PROBLEM,
    KEY_REUSED_PROBLEM,
)
from entrypoints.http.presenters import LEGACY_OUTCOMES
from paycore.payment import PaymentStatus

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


def legacy_outcome(status: str, payment_id: str) -> dict[str, Any]:
    message, success = LEGACY_OUTCOMES[PaymentStatus(status)]
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
