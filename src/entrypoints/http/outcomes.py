"""The one table from what the domain answered to the HTTP status, problem type, title and
detail a client sees: the outcome of a payment request, and every error a request can meet.

How the answer is written (an RFC 9457 problem or the original design's envelope) is the
route's business (errors.py); what it says is decided here only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import structlog
from litestar.exceptions import HTTPException, ValidationException

from entrypoints.http.body import MalformedRequest
from entrypoints.http.dto import FieldErrorOut
from paycore.actions import ActionStatus, PaymentAction
from paycore.errors import (
    ActionsUnsupported,
    AmountTooLarge,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    InvalidCredentials,
    InvalidPaymentState,
    InvalidToken,
    PaymentNotFound,
    StorageUnavailable,
    ValidationFailed,
)
from paycore.payment import FailureReason, Payment, PaymentStatus

# A database failover takes seconds; a client that waits this long and retries is served.
STORAGE_RETRY_AFTER_SECONDS = 1
log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class HttpError:
    status: int
    slug: str
    title: str
    detail: str
    errors: list[FieldErrorOut] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


# A new payment exists whatever its status, except a Failed one (502/503) and one the bank
# has not answered (202); lifecycle statuses come from "capture": true, or from a key's
# replay of a payment that has moved on since.
_PAYMENT_STATUS_CODES: dict[PaymentStatus, int] = {
    status: 202 if status is PaymentStatus.PENDING else 201
    for status in PaymentStatus
    if status is not PaymentStatus.FAILED
}
# The original design answers a decline as 402 Payment Required.
_LEGACY_STATUS_CODES = _PAYMENT_STATUS_CODES | {PaymentStatus.DECLINED: 402}
_BANK_UNAVAILABLE = HttpError(
    503, "payment-failed", "Bank unavailable", "the bank could not be reached; nothing was charged"
)
_BANK_ERROR = HttpError(
    502,
    "payment-failed",
    "Bank error",
    "the bank could not process the payment; nothing was charged",
)
_UNREACHED_BANK = {FailureReason.BANK_UNAVAILABLE, FailureReason.CIRCUIT_OPEN}
_ACTION_STATUS_CODES = {ActionStatus.SUCCEEDED: 201, ActionStatus.PENDING: 202}
_ACTION_BANK_UNAVAILABLE = HttpError(
    503,
    "action-failed",
    "Bank unavailable",
    "the bank could not be reached; the payment is unchanged, retry after Retry-After seconds",
)
_ACTION_BANK_ERROR = HttpError(
    502,
    "action-failed",
    "Bank refused",
    "the bank refused the action or answered an error; the payment is unchanged",
)

_BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="paygate"'}
# An exception's own message is its detail where the rule gives none.
_ERRORS: dict[type[Exception], HttpError] = {
    ValidationFailed: HttpError(400, "validation-error", "Invalid request", ""),
    MalformedRequest: HttpError(400, "malformed-request", "Malformed request", ""),
    InvalidToken: HttpError(
        401,
        "unauthorized",
        "Unauthorized",
        "",
        headers={"WWW-Authenticate": 'Bearer realm="paygate"'},
    ),
    InvalidCredentials: HttpError(401, "unauthorized", "Unauthorized", "invalid credentials"),
    PaymentNotFound: HttpError(404, "not-found", "Not found", "payment not found"),
    # Raised before any bank call: nothing was charged, the request can be retried.
    StorageUnavailable: HttpError(
        503,
        "storage-unavailable",
        "Service unavailable",
        "the payment store is unavailable; nothing was charged, retry shortly",
        headers={"Retry-After": str(STORAGE_RETRY_AFTER_SECONDS)},
    ),
    IdempotencyRequestInProgress: HttpError(
        409,
        "idempotency-in-progress",
        "Conflict",
        "a request with this Idempotency-Key is still being processed; retry later",
    ),
    InvalidPaymentState: HttpError(409, "invalid-state", "Conflict", ""),
    AmountTooLarge: HttpError(422, "amount-too-large", "Unprocessable request", ""),
    ActionsUnsupported: HttpError(
        422,
        "actions-unsupported",
        "Unprocessable request",
        "the acquiring bank in use cannot capture, void or refund payments",
    ),
    IdempotencyKeyReused: HttpError(
        422,
        "idempotency-key-reused",
        "Unprocessable request",
        "this Idempotency-Key was already used with a different request body",
    ),
}
# Litestar's own refusals (405, 413...) keep their status, titled here.
_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    404: "Not found",
    405: "Method not allowed",
    413: "Payload too large",
    415: "Unsupported media type",
    429: "Too many requests",
    500: "Internal error",
    503: "Service unavailable",
}
_INTERNAL = HttpError(500, "internal-error", "Internal error", "an unexpected error")


def status_code_for(payment: Payment, *, legacy: bool = False) -> int:
    codes = _LEGACY_STATUS_CODES if legacy else _PAYMENT_STATUS_CODES
    return codes.get(payment.status) or failed_payment_error(payment).status


def failed_payment_error(payment: Payment) -> HttpError:
    return _BANK_UNAVAILABLE if payment.failure_reason in _UNREACHED_BANK else _BANK_ERROR


def action_status_code(action: PaymentAction) -> int:
    """201 once the bank confirmed the action, 202 while its outcome is unknown."""
    return _ACTION_STATUS_CODES.get(action.status) or failed_action_error(action).status


def failed_action_error(action: PaymentAction) -> HttpError:
    unreached = action.failure_reason in _UNREACHED_BANK
    return _ACTION_BANK_UNAVAILABLE if unreached else _ACTION_BANK_ERROR


def http_error_for(exc: Exception) -> HttpError:
    rule = next((_ERRORS[cls] for cls in type(exc).__mro__ if cls in _ERRORS), None)
    if rule is not None:
        errors = exc.errors if isinstance(exc, ValidationFailed) else []
        fields = [FieldErrorOut(e.field, e.message) for e in errors]
        detail = rule.detail or str(exc)
        return HttpError(rule.status, rule.slug, rule.title, detail, fields, dict(rule.headers))
    match exc:
        case ValidationException():
            fields = _litestar_field_errors(exc.extra)
            return HttpError(400, "validation-error", "Invalid request", str(exc.detail), fields)
        case HTTPException():
            title = _TITLES.get(exc.status_code, "Error")
            slug = title.lower().replace(" ", "-")
            headers = dict(exc.headers or {})
            return HttpError(exc.status_code, slug, title, str(exc.detail), headers=headers)
        case _:
            log.exception("unhandled error", error_type=type(exc).__name__)
            return _INTERNAL


def _litestar_field_errors(extra: Any) -> list[FieldErrorOut]:
    items = extra if isinstance(extra, list) else []
    return [
        FieldErrorOut(str(item.get("key", "request")), str(item.get("message", "is invalid")))
        for item in items
        if isinstance(item, dict)
    ]
