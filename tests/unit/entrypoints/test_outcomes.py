"""The one table: what each domain error and payment outcome says over HTTP."""

from __future__ import annotations

import pytest
from litestar.exceptions import MethodNotAllowedException, ValidationException

from entrypoints.http.body import MalformedRequest
from entrypoints.http.dto import FieldErrorOut
from entrypoints.http.outcomes import http_error_for, status_code_for
from paycore.errors import (
    FieldError,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    InvalidCredentials,
    InvalidToken,
    PaymentNotFound,
    StorageUnavailable,
    ValidationFailed,
)
from paycore.payment import FailureReason, PaymentStatus
from tests.unit.entrypoints.test_presenters import payment

BEARER = {"WWW-Authenticate": 'Bearer realm="paygate"'}


@pytest.mark.parametrize(
    ("exc", "status", "slug", "title", "detail", "headers"),
    [
        (
            MalformedRequest("not JSON"),
            400,
            "malformed-request",
            "Malformed request",
            "not JSON",
            {},
        ),
        (
            InvalidToken("token expired"),
            401,
            "unauthorized",
            "Unauthorized",
            "token expired",
            BEARER,
        ),
        (InvalidCredentials(), 401, "unauthorized", "Unauthorized", "invalid credentials", {}),
        (PaymentNotFound("p"), 404, "not-found", "Not found", "payment not found", {}),
        (
            StorageUnavailable("down"),
            503,
            "storage-unavailable",
            "Service unavailable",
            "the payment store is unavailable; nothing was charged, retry shortly",
            {"Retry-After": "1"},
        ),
        (
            IdempotencyRequestInProgress(),
            409,
            "idempotency-in-progress",
            "Conflict",
            "a request with this Idempotency-Key is still being processed; retry later",
            {},
        ),
        (
            IdempotencyKeyReused(),
            422,
            "idempotency-key-reused",
            "Unprocessable request",
            "this Idempotency-Key was already used with a different request body",
            {},
        ),
        (
            MethodNotAllowedException(headers={"allow": "POST"}),
            405,
            "method-not-allowed",
            "Method not allowed",
            "Method Not Allowed",
            {"allow": "POST"},
        ),
        (RuntimeError("bug"), 500, "internal-error", "Internal error", "an unexpected error", {}),
    ],
)
def test_each_error_has_one_answer(exc, status, slug, title, detail, headers) -> None:
    error = http_error_for(exc)

    assert (error.status, error.slug, error.title, error.detail) == (status, slug, title, detail)
    assert error.headers == headers
    assert error.errors == []


def test_validation_errors_list_every_field() -> None:
    exc = ValidationFailed([FieldError("cvv", "must be 3 or 4 digits"), FieldError("amount", "x")])

    error = http_error_for(exc)

    assert (error.status, error.slug, error.detail) == (400, "validation-error", str(exc))
    assert error.errors == [
        FieldErrorOut("cvv", "must be 3 or 4 digits"),
        FieldErrorOut("amount", "x"),
    ]


def test_litestar_validation_names_its_fields() -> None:
    exc = ValidationException("bad query", extra=[{"key": "limit", "message": "not an int"}])

    error = http_error_for(exc)

    assert (error.status, error.slug, error.title) == (400, "validation-error", "Invalid request")
    assert error.errors == [FieldErrorOut("limit", "not an int")]


def test_a_rule_s_headers_are_not_shared_between_answers() -> None:
    first = http_error_for(InvalidToken("a"))
    first.headers["X-Extra"] = "1"

    assert http_error_for(InvalidToken("b")).headers == BEARER


@pytest.mark.parametrize(
    ("status", "reason", "code"),
    [
        (PaymentStatus.AUTHORIZED, None, 201),
        (PaymentStatus.DECLINED, None, 402),
        (PaymentStatus.PENDING, None, 202),
        (PaymentStatus.FAILED, FailureReason.BANK_ERROR, 502),
        (PaymentStatus.FAILED, FailureReason.CIRCUIT_OPEN, 503),
    ],
)
def test_the_legacy_routes_answer_a_decline_with_402(status, reason, code) -> None:
    assert status_code_for(payment(status, reason), legacy=True) == code
