"""What each error a request can meet means in HTTP: status, problem type, title, detail
and headers."""

from __future__ import annotations

from typing import Any

import structlog
from litestar.exceptions import HTTPException, ValidationException

from entrypoints.http.body import MalformedRequest
from entrypoints.http.dto import FieldErrorOut
from entrypoints.http.outcomes.http_error import HttpError
from paycore.errors import (
    ActionsUnsupported,
    AmountTooLarge,
    ApiKeyNotFound,
    EventNotFound,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    InvalidCredentials,
    InvalidPaymentState,
    InvalidToken,
    LastActiveKey,
    PaymentNotFound,
    RateLimited,
    StorageUnavailable,
    ValidationFailed,
)
from paycore.webhooks import WebhookEndpointNotFound

# A database failover takes seconds; a client that waits this long and retries is served.
STORAGE_RETRY_AFTER_SECONDS = 1
log = structlog.get_logger(__name__)

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
    ApiKeyNotFound: HttpError(404, "not-found", "Not found", "API key not found"),
    LastActiveKey: HttpError(
        409,
        "last-active-key",
        "Conflict",
        "this is the merchant's only active API key: create another one first",
    ),
    # Retry-After and RateLimit-* come from the decision (see rate_limiting.py).
    RateLimited: HttpError(429, "rate-limited", "Too many requests", ""),
    EventNotFound: HttpError(404, "not-found", "Not found", "event not found"),
    WebhookEndpointNotFound: HttpError(404, "not-found", "Not found", "webhook endpoint not found"),
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
