"""The one place that turns errors into HTTP responses.

Routes under /v1/payments (and everything new) answer RFC 9457 problem details; the
legacy and auth routes answer the original design's `{"success": false, ...}` envelope.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import structlog
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from entrypoints.http.body import MalformedRequest
from entrypoints.http.dto import FieldErrorOut, LegacyError, Problem
from entrypoints.http.responses import PROBLEM_JSON, json_response
from paycore.errors import (
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    InvalidCredentials,
    InvalidToken,
    PaymentNotFound,
    StorageUnavailable,
    ValidationFailed,
)

LEGACY_PREFIXES = ("/v1/process-payment", "/v1/get-payment", "/v1/auth/")
PROBLEM_TYPE = "urn:paygate:problem:"
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


def http_error_for(exc: Exception) -> HttpError:
    match exc:
        case ValidationFailed(errors=errors):
            fields = [FieldErrorOut(e.field, e.message) for e in errors]
            return HttpError(400, "validation-error", "Invalid request", str(exc), fields)
        case MalformedRequest():
            return HttpError(400, "malformed-request", "Malformed request", str(exc))
        case InvalidToken():
            bearer = {"WWW-Authenticate": 'Bearer realm="paygate"'}
            return HttpError(401, "unauthorized", "Unauthorized", str(exc), headers=bearer)
        case InvalidCredentials():
            return HttpError(401, "unauthorized", "Unauthorized", "invalid credentials")
        case PaymentNotFound():
            return HttpError(404, "not-found", "Not found", "payment not found")
        case StorageUnavailable():
            # Raised before any bank call: nothing was charged, the request can be retried.
            detail = "the payment store is unavailable; nothing was charged, retry shortly"
            retry = {"Retry-After": str(STORAGE_RETRY_AFTER_SECONDS)}
            return HttpError(
                503, "storage-unavailable", "Service unavailable", detail, headers=retry
            )
        case IdempotencyRequestInProgress():
            detail = "a request with this Idempotency-Key is still being processed; retry later"
            return HttpError(409, "idempotency-in-progress", "Conflict", detail)
        case IdempotencyKeyReused():
            detail = "this Idempotency-Key was already used with a different request body"
            return HttpError(422, "idempotency-key-reused", "Unprocessable request", detail)
        case ValidationException():
            return HttpError(
                400,
                "validation-error",
                "Invalid request",
                str(exc.detail),
                _litestar_field_errors(exc.extra),
            )
        case HTTPException():
            title = _TITLES.get(exc.status_code, "Error")
            return HttpError(
                exc.status_code,
                title.lower().replace(" ", "-"),
                title,
                str(exc.detail),
                headers=dict(exc.headers or {}),
            )
        case _:
            log.exception("unhandled error", error_type=type(exc).__name__)
            return HttpError(500, "internal-error", "Internal error", "an unexpected error")


def handle_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Litestar's exception handler for every exception: the single mapping above."""
    error = http_error_for(exc)
    if request.url.path.startswith(LEGACY_PREFIXES):
        return legacy_error_response(error)
    return problem_response(error)


def problem_response(error: HttpError, payment_id: str | None = None) -> Response[Any]:
    problem = Problem(
        type=PROBLEM_TYPE + error.slug,
        title=error.title,
        status=error.status,
        detail=error.detail,
        errors=error.errors or None,
        payment_id=payment_id,
    )
    return json_response(problem, error.status, media_type=PROBLEM_JSON, headers=error.headers)


def legacy_error_response(error: HttpError) -> Response[Any]:
    message = "invalid credentials" if error.status == 401 else error.detail
    body = LegacyError(success=False, message=message, errors=error.errors or None)
    return json_response(body, error.status, headers=error.headers)


def _litestar_field_errors(extra: Any) -> list[FieldErrorOut]:
    items = extra if isinstance(extra, list) else []
    return [
        FieldErrorOut(str(item.get("key", "request")), str(item.get("message", "is invalid")))
        for item in items
        if isinstance(item, dict)
    ]


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
