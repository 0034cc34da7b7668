"""Building blocks of the document's JSON Schemas (2020-12, as OpenAPI 3.1 uses)."""

from __future__ import annotations

from typing import Any

from entrypoints.http.errors import PROBLEM_TYPE

Json = dict[str, Any]

PROBLEM_SLUGS = {
    "validation-error": "a field is missing or wrong: `errors` lists each one",
    "malformed-request": "the body is not a JSON object, or the Idempotency-Key header is bad",
    "unauthorized": "no bearer token, or a token that is expired, revoked or not an access token",
    "not-found": "no payment, event, webhook endpoint or API key with that id for this merchant",
    "last-active-key": "the merchant's only active API key cannot be revoked",
    "rate-limited": "too many requests: wait Retry-After seconds",
    "idempotency-in-progress": "the first request with this Idempotency-Key is still running",
    "idempotency-key-reused": "this Idempotency-Key was used with a different body",
    "payload-too-large": "the body is larger than 64 KiB",
    "payment-failed": "the bank answered an error or could not be reached; nothing was charged",
    "storage-unavailable": "the payment store could not be reached before the bank was "
    "called: nothing was charged; retry after Retry-After seconds",
    "internal-error": "an unexpected error on the gateway's side",
    "invalid-state": "the payment's status, or an action still Pending on it, does not allow "
    "this action; nothing changed",
    "amount-too-large": "more than is left to capture, or to refund; nothing changed",
    "actions-unsupported": "the acquiring bank in use cannot capture, void or refund",
    "action-failed": "the bank refused the action, answered an error or could not be reached; "
    "the action is recorded Failed and the payment is unchanged",
}


def ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(description: str, properties: Json, optional: tuple[str, ...] = ()) -> Json:
    """A closed object: every listed property is required unless named optional."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def string(description: str, **extra: Any) -> Json:
    return {"type": "string", "description": description, **extra}


def problem_type(*slugs: str) -> Json:
    return {
        "type": "string",
        "enum": [PROBLEM_TYPE + slug for slug in slugs],
        "description": "What went wrong, as a URN a client can switch on:\n"
        + "\n".join(f"- `{PROBLEM_TYPE}{slug}`: {PROBLEM_SLUGS[slug]}" for slug in slugs),
    }


def problem_object(
    description: str, type_: Json, status: Json, extra: Json | None = None, optional: bool = True
) -> Json:
    properties: Json = {
        "type": type_,
        "title": string("A short summary of the problem type"),
        "status": status,
        "detail": string("What happened, for a human: the same text for the same cause"),
    }
    extra = extra or {}
    return obj(description, properties | extra, optional=tuple(extra) if optional else ())


def anchored(pattern: str) -> str:
    """A Python `fullmatch` pattern as JSON Schema writes it (a search, unless anchored)."""
    return f"^{pattern}$"
