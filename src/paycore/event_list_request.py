"""Turns an untrusted events list request into a validated one, reporting every bad
parameter: section 8 paging plus `type`, each as a client sent it (text from a query
string, or from Python an int or an EventType)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paycore.choices import optional_choice
from paycore.events import EventType
from paycore.field_errors import FieldErrors, InvalidField
from paycore.paging import Paging, parse_paging

EVENT_ID = re.compile(r"evt_[0-9a-f]{32}")
NOT_AN_EVENT_CURSOR = "must be the id of one of your events"
_type = optional_choice(EventType)


@dataclass(frozen=True, slots=True)
class EventListRequest:
    limit: object = None
    starting_after: object = None
    ending_before: object = None
    type: object = None


@dataclass(frozen=True, slots=True)
class ValidEventListRequest:
    paging: Paging
    type: EventType | None


def validate_event_list_request(request: EventListRequest) -> ValidEventListRequest:
    errors = FieldErrors()
    paging = parse_paging(
        errors, request.limit, request.starting_after, request.ending_before, _cursor
    )
    event_type = errors.parse("type", _type, request.type)
    errors.raise_if_any()
    return ValidEventListRequest(paging, event_type)


def is_event_id(value: str) -> bool:
    return EVENT_ID.fullmatch(value) is not None


def _cursor(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and is_event_id(value):
        return value
    raise InvalidField(NOT_AN_EVENT_CURSOR)
