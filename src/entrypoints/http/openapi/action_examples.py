"""Examples of payments along their lifecycle (captured, voided, refunded, expired) and of
the problems a capture, void or refund answers with, in the shape the gateway sends them."""

from __future__ import annotations

from typing import Any

from entrypoints.http.openapi.examples import AUTHORIZED, AUTHORIZED_ID, payment, problem

AUTHORIZATION_CODE = AUTHORIZED["authorization_code"]
CAPTURE_ID = "01a233b0-4a10-7c3e-8f21-6b9d0e5a7c11"
REFUND_ID = "01a233b0-5b21-7d4f-9a32-7cae1f6b8d22"
VOID_ID = "01a233b0-4a10-7c3e-8f21-6b9d0e5a7c33"


def action(
    action_id: str, type_: str, amount: int, status: str = "Succeeded", **overrides: Any
) -> dict[str, Any]:
    recorded: dict[str, Any] = {
        "id": action_id,
        "type": type_,
        "amount": amount,
        "status": status,
        "reason": None,
        "created_at": "2026-12-01T22:20:01.102Z",
        "updated_at": "2026-12-01T22:20:01.164Z",
    }
    return recorded | overrides


def _lifecycle(status: str, **overrides: Any) -> dict[str, Any]:
    return payment(
        AUTHORIZED_ID,
        status,
        "4242",
        authorization_code=AUTHORIZATION_CODE,
        updated_at="2026-12-01T22:20:01.164Z",
        **overrides,
    )


HALF_CAPTURE = action(CAPTURE_ID, "capture", 525)
FULL_CAPTURE = action(CAPTURE_ID, "capture", 1050)
QUARTER_REFUND = action(REFUND_ID, "refund", 262, reason="customer returned one item")
PARTIALLY_CAPTURED = _lifecycle("PartiallyCaptured", captured_amount=525, actions=[HALF_CAPTURE])
CAPTURED = _lifecycle("Captured", captured_amount=1050, actions=[FULL_CAPTURE])
CAPTURE_PENDING = payment(
    AUTHORIZED_ID,
    "Authorized",
    "4242",
    authorization_code=AUTHORIZATION_CODE,
    actions=[action(CAPTURE_ID, "capture", 1050, "Pending", updated_at=HALF_CAPTURE["created_at"])],
)
VOIDED = _lifecycle("Voided", actions=[action(VOID_ID, "void", 1050)])
PARTIALLY_REFUNDED = _lifecycle(
    "PartiallyRefunded",
    captured_amount=1050,
    refunded_amount=262,
    actions=[FULL_CAPTURE, QUARTER_REFUND],
)
REFUNDED = _lifecycle(
    "Refunded",
    captured_amount=1050,
    refunded_amount=1050,
    actions=[FULL_CAPTURE, action(REFUND_ID, "refund", 1050)],
)
EXPIRED = _lifecycle("Expired")

INVALID_STATE_PROBLEM = problem(
    "invalid-state", "Conflict", 409, "a Voided payment cannot be captured"
)
AMOUNT_TOO_LARGE_PROBLEM = problem(
    "amount-too-large", "Unprocessable request", 422, "at most 525 is left to capture"
)
UNSUPPORTED_PROBLEM = problem(
    "actions-unsupported",
    "Unprocessable request",
    422,
    "the acquiring bank in use cannot capture, void or refund payments",
)
AMOUNT_PROBLEM = problem(
    "validation-error",
    "Invalid request",
    400,
    "amount: must be a positive integer in minor units",
    errors=[{"field": "amount", "message": "must be a positive integer in minor units"}],
)
ACTION_REFUSED_PROBLEM = problem(
    "action-failed",
    "Bank refused",
    502,
    "the bank refused the action or answered an error; the payment is unchanged",
    payment_id=AUTHORIZED_ID,
)
ACTION_UNAVAILABLE_PROBLEM = problem(
    "action-failed",
    "Bank unavailable",
    503,
    "the bank could not be reached; the payment is unchanged, retry after Retry-After seconds",
    payment_id=AUTHORIZED_ID,
)
