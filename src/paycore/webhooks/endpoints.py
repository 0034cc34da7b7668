"""Webhook endpoints: where a merchant wants its events sent, and which of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from paycore.errors import PaycoreError
from paycore.events import ALL_EVENTS, EventType
from paycore.field_errors import FieldErrors

MAX_URL_LENGTH = 2048
MAX_DESCRIPTION_LENGTH = 500
_TYPES = frozenset(EventType)


class WebhookEndpointNotFound(PaycoreError):
    """Unknown id, already deleted, or another merchant's: all look the same."""


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    id: str
    merchant_id: str
    url: str
    # Event types, or the one entry ALL_EVENTS.
    events: tuple[str, ...]
    description: str | None
    created_at: datetime

    def subscribes_to(self, event_type: str) -> bool:
        return ALL_EVENTS in self.events or event_type in self.events


@dataclass(frozen=True, slots=True)
class EndpointRequest:
    """A registration, checked field by field; `host` is what must still be resolved."""

    url: str
    host: str
    events: tuple[str, ...]
    description: str | None

    @classmethod
    def parse(cls, body: dict[str, object]) -> EndpointRequest:
        errors = FieldErrors()
        url, host = _url(body.get("url"), errors)
        events = _events(body.get("events"), errors)
        description = _description(body.get("description"), errors)
        errors.raise_if_any()
        return cls(url, host, events, description)


def _url(value: object, errors: FieldErrors) -> tuple[str, str]:
    if not isinstance(value, str) or not value:
        errors.add("url", "is required: an http(s) URL")
        return "", ""
    if len(value) > MAX_URL_LENGTH or any(c.isspace() or ord(c) < 32 for c in value):
        errors.add("url", f"must be a URL of at most {MAX_URL_LENGTH} characters, no spaces")
        return "", ""
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        errors.add("url", "is not a valid URL")
        return "", ""
    del port  # read only so that a port out of range is refused here
    if parts.scheme.lower() not in ("http", "https"):
        errors.add("url", "must use http or https")
    elif not parts.hostname:
        errors.add("url", "must name a host")
    elif parts.username is not None or parts.password is not None:
        errors.add("url", "must not carry credentials")
    else:
        return value, parts.hostname
    return "", ""


def _events(value: object, errors: FieldErrors) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        errors.add("events", 'must be a non-empty list of event types, or ["*"]')
        return ()
    unknown = [v for v in value if not isinstance(v, str) or (v not in _TYPES and v != "*")]
    if unknown:
        errors.add("events", f"unknown event types: {', '.join(map(str, unknown))}")
        return ()
    if ALL_EVENTS in value and len(value) > 1:
        errors.add("events", '"*" subscribes to every type and stands alone')
        return ()
    return tuple(dict.fromkeys(value))


def _description(value: object, errors: FieldErrors) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_DESCRIPTION_LENGTH:
        errors.add("description", f"must be text of at most {MAX_DESCRIPTION_LENGTH} characters")
        return None
    return value
