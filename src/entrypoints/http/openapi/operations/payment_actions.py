"""POST /v1/payments/{payment_id}/captures, /voids and /refunds."""

from __future__ import annotations

from entrypoints.http.openapi import action_examples as ax
from entrypoints.http.openapi import examples as ex
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.request_bodies import IDEMPOTENCY_KEY
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    REPLAY,
    media,
    problem,
    problem_401,
    problem_500,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref

_AMOUNT = {
    "type": "integer",
    "minimum": 1,
    "description": "Minor units; omitted: everything left. 0, a negative number, a fraction, "
    "a string, a boolean or a list is a 400 naming `amount`.",
    "examples": [525],
}
_CAPTURE_BODY = {
    "type": "object",
    "description": "Optional: no body captures everything left to capture.",
    "properties": {"amount": _AMOUNT},
}
_REFUND_BODY = {
    "type": "object",
    "description": "Optional: no body refunds everything captured and not yet refunded.",
    "properties": {
        "amount": _AMOUNT | {"examples": [262]},
        "reason": {"type": "string", "maxLength": 500, "examples": ["customer returned one item"]},
    },
}


def _operation(success: dict[str, Json], body: Json | None, amounts: bool) -> Json:
    operation: Json = {
        "security": BEARER,
        "parameters": {
            "payment_id": {
                "description": "The payment's id, as returned by POST /v1/payments",
                "schema": {"type": "string", "examples": [ex.AUTHORIZED_ID]},
            },
            "Idempotency-Key": IDEMPOTENCY_KEY,
        },
        "responses": _responses(success, amounts),
    }
    if body is not None:
        operation["requestBody"] = {"required": False, "content": media(body, {})}
    return operation


def _responses(success: dict[str, Json], amounts: bool) -> Json:
    too_large = {"amount_too_large": example("More than is left", ax.AMOUNT_TOO_LARGE_PROBLEM)}
    too_large_text = (
        " Or `amount-too-large`: more than is left; nothing changed." if amounts else ""
    )
    return {
        "201": response(
            "The bank confirmed the action: the payment as it left it",
            ref("Payment"),
            success,
            headers=("Location", *REPLAY),
        ),
        "202": response(
            "The bank's answer is unknown: the action is `Pending` (the payment keeps its "
            "status and amounts) and settles by itself; poll the Location.",
            ref("Payment"),
            {"pending": example("Capture pending", ax.CAPTURE_PENDING)},
            headers=("Location", *REPLAY),
        ),
        "400": problem(
            "A malformed amount or reason (named in `errors`), a body that is not a JSON "
            "object, or a bad Idempotency-Key; nothing changed.",
            {
                "amount": example("Bad amount", ax.AMOUNT_PROBLEM),
                "bad_key": example("Bad Idempotency-Key", ex.BAD_KEY_PROBLEM),
            },
            schema="ValidationProblem",
        ),
        "401": problem_401(),
        "404": problem(
            "No such payment: unknown, malformed, or another merchant's id.",
            {"not_found": example("Not found", ex.NOT_FOUND_PROBLEM)},
        ),
        "409": problem(
            "`invalid-state`: the payment's status, or an action still Pending on it, does "
            "not allow this action; nothing changed. Or `idempotency-in-progress`.",
            {
                "invalid_state": example("Not allowed now", ax.INVALID_STATE_PROBLEM),
                "in_progress": example("Still running", ex.IN_PROGRESS_PROBLEM),
            },
        ),
        "422": problem(
            "`idempotency-key-reused`: this key was used with another body. Or "
            "`actions-unsupported`: the acquiring bank cannot do this." + too_large_text,
            {
                "key_reused": example("Key reused", ex.KEY_REUSED_PROBLEM),
                "unsupported": example("Bank cannot", ax.UNSUPPORTED_PROBLEM),
            }
            | (too_large if amounts else {}),
        ),
        "500": problem_500(),
        "502": problem(
            "The bank refused the action or answered an error: it is recorded `Failed`, the "
            "payment is unchanged.",
            {"refused": example("Refused", ax.ACTION_REFUSED_PROBLEM)},
            schema="ActionFailedProblem",
            headers=REPLAY,
        ),
        "503": problem(
            "The bank could not be reached (or the circuit breaker is open): the action is "
            "recorded `Failed`, the payment unchanged; retry after Retry-After seconds with "
            "a new key. Or `storage-unavailable` before any bank call.",
            {
                "bank_unavailable": example("Bank unavailable", ax.ACTION_UNAVAILABLE_PROBLEM),
                "storage_unavailable": example("Store unavailable", ex.STORAGE_DOWN_PROBLEM),
            },
            schema="ActionUnavailableProblem",
            headers=("Retry-After", *REPLAY),
        ),
    }


def capture_payment() -> Json:
    success = {
        "partially_captured": example("Half captured", ax.PARTIALLY_CAPTURED),
        "captured": example("Captured in full", ax.CAPTURED),
    }
    return _operation(success, _CAPTURE_BODY, amounts=True)


def void_payment() -> Json:
    return _operation({"voided": example("Voided", ax.VOIDED)}, None, amounts=False)


def refund_payment() -> Json:
    success = {
        "partially_refunded": example("A quarter refunded", ax.PARTIALLY_REFUNDED),
        "refunded": example("Refunded in full", ax.REFUNDED),
    }
    return _operation(success, _REFUND_BODY, amounts=True)
