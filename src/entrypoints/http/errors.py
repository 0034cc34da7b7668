"""Writing errors: an RFC 9457 problem on /v1/payments (and everything new), the original
design's `{"success": false, ...}` envelope on the legacy and authentication routes, which
register `legacy_error_handler` for themselves. What an error says is decided in the
outcomes package.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response

from entrypoints.http.dto import LegacyError, Problem
from entrypoints.http.outcomes import HttpError, http_error_for
from entrypoints.http.responses import PROBLEM_JSON, json_response

PROBLEM_TYPE = "urn:paygate:problem:"


def problem_error_handler(_request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return problem_response(http_error_for(exc))


def legacy_error_handler(_request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return legacy_error_response(http_error_for(exc))


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
