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
from paycore.choices import optional_choice
from paycore.field_errors import FieldErrors, InvalidField
from paycore.listing import PaymentFilters
from paycore.paging import Paging, parse_paging
from paycore.payment import PaymentStatus

# RFC 3339 section 5.6 date-time; fromisoformat alone also takes dates and other forms.
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
NOT_A_CURSOR = "must be the id of one of your payments"
_status = optional_choice(PaymentStatus)


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
    paging: Paging
    filters: PaymentFilters


def validate_list_request(request: PaymentListRequest) -> ValidListRequest:
    errors = FieldErrors()
    paging = parse_paging(
        errors, request.limit, request.starting_after, request.ending_before, _cursor
    )
    status = errors.parse("status", _status, request.status)
    reference = errors.parse("reference", fields.reference, request.reference)
    created_gte = errors.parse("created_gte", _moment, request.created_gte)
    created_lt = errors.parse("created_lt", _moment, request.created_lt)
    errors.raise_if_any()
    return ValidListRequest(paging, PaymentFilters(status, reference, created_gte, created_lt))


def _cursor(value: object) -> str | None:
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return str(uuid.UUID(value))
    except ValueError:
        pass
    raise InvalidField(NOT_A_CURSOR)


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        moment: datetime | None = value
    elif isinstance(value, str) and _RFC3339.fullmatch(value):
        moment = _parsed(value)
    else:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InvalidField(
            "must be an RFC 3339 date-time with an offset, like 2026-01-15T00:00:00Z"
        )
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00:00+01:00 is before the first representable UTC moment
        raise InvalidField("is out of range") from None


def _parsed(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.upper())
    except ValueError:  # a 30 February, a 25th hour
        return None
