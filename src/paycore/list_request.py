"""Turns an untrusted list request into a validated one, reporting every bad parameter.

Each parameter comes as a client sent it: text from a query string, or (from Python) an
int, a PaymentStatus or an aware datetime.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from paycore import fields
from paycore.errors import FieldError, ValidationFailed
from paycore.listing import DEFAULT_LIMIT, MAX_LIMIT, PaymentFilters
from paycore.payment import PaymentStatus

# RFC 3339 section 5.6 date-time; fromisoformat alone also takes dates and other forms.
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_LIMIT = re.compile(r"[0-9]{1,3}")
NOT_A_CURSOR = "must be the id of one of your payments"
_STATUS_VALUES = tuple(s.value for s in PaymentStatus)


@dataclass(frozen=True, slots=True)
class PaymentListRequest:
    limit: object = None
    starting_after: object = None
    ending_before: object = None
    status: object = None
    reference: object = None
    created_gte: object = None
    created_lt: object = None


@dataclass(frozen=True, slots=True)
class ValidListRequest:
    limit: int
    filters: PaymentFilters
    # Canonical payment ids; at most one of the two is set.
    starting_after: str | None
    ending_before: str | None


def validate_list_request(request: PaymentListRequest) -> ValidListRequest:
    errors: list[FieldError] = []

    def check(name: str, message: str | None) -> None:
        if message is not None:
            errors.append(FieldError(name, message))

    limit, limit_error = _limit(request.limit)
    check("limit", limit_error)
    after, after_error = _cursor(request.starting_after)
    check("starting_after", after_error)
    before, before_error = _cursor(request.ending_before)
    check("ending_before", before_error)
    if request.starting_after is not None and request.ending_before is not None:
        check("ending_before", "cannot be combined with starting_after")
    status, status_error = _status(request.status)
    check("status", status_error)
    check("reference", fields.reference_error(request.reference))
    created_gte, gte_error = _moment(request.created_gte)
    check("created_gte", gte_error)
    created_lt, lt_error = _moment(request.created_lt)
    check("created_lt", lt_error)
    if errors:
        raise ValidationFailed(errors)
    reference = request.reference if isinstance(request.reference, str) else None
    filters = PaymentFilters(status, reference, created_gte, created_lt)
    return ValidListRequest(limit, filters, after, before)


def _limit(value: object) -> tuple[int, str | None]:
    if value is None:
        return DEFAULT_LIMIT, None
    number = fields.as_int(value)
    if number is None and isinstance(value, str) and _LIMIT.fullmatch(value):
        number = int(value)
    if number is None or not 1 <= number <= MAX_LIMIT:
        return 0, f"must be an integer from 1 to {MAX_LIMIT}"
    return number, None


def _cursor(value: object) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    try:
        if isinstance(value, str):
            return str(uuid.UUID(value)), None
    except ValueError:
        pass
    return None, NOT_A_CURSOR


def _status(value: object) -> tuple[PaymentStatus | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, str) and value in _STATUS_VALUES:
        return PaymentStatus(value), None
    return None, f"must be one of {', '.join(_STATUS_VALUES)}"


def _moment(value: object) -> tuple[datetime | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, datetime):
        moment: datetime | None = value
    elif isinstance(value, str) and _RFC3339.fullmatch(value):
        moment = _parsed(value)
    else:
        moment = None
    if moment is None or moment.tzinfo is None:
        return None, "must be an RFC 3339 date-time with an offset, like 2026-01-15T00:00:00Z"
    try:
        return moment.astimezone(UTC), None
    except OverflowError:  # 0001-01-01T00:00:00+01:00 is before the first representable UTC moment
        return None, "is out of range"


def _parsed(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.upper())
    except ValueError:  # a 30 February, a 25th hour
        return None
