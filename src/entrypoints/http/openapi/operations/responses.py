"""Building the responses of an operation: bodies with their examples, and the answers many
operations share (401, 413, 500)."""

from __future__ import annotations

from typing import Any

from entrypoints.http.body import MAX_BODY_BYTES
from entrypoints.http.openapi.examples import (
    EXPIRED_PROBLEM,
    INTERNAL_PROBLEM,
    UNAUTHORIZED_PROBLEM,
    example,
)
from entrypoints.http.openapi.legacy_examples import (
    INVALID_CREDENTIALS,
    LEGACY_INTERNAL,
    LEGACY_TOO_LARGE,
)
from entrypoints.http.openapi.schemas.building import Json, ref
from entrypoints.http.responses import JSON, PROBLEM_JSON

BEARER = [{"BearerToken": []}, {"LegacyBearerToken": []}]
TOO_LARGE = f"The body is larger than {MAX_BODY_BYTES // 1024} KiB"
INTERNAL = "An unexpected error on the gateway's side (a bug, or the database failing)"
REPLAY = ("Idempotent-Replayed",)
AUTH_401 = "The bearer token is missing, malformed, expired, revoked or not an access token"


def header(name: str) -> Json:
    return {"$ref": f"#/components/headers/{name}"}


def media(
    schema: Json, examples: dict[str, Json], media_type: str = JSON
) -> dict[str, dict[str, Any]]:
    return {media_type: {"schema": schema, "examples": examples}}


def response(
    description: str,
    schema: Json,
    examples: dict[str, Json],
    headers: tuple[str, ...] = (),
    media_type: str = JSON,
) -> Json:
    return {
        "description": description,
        "headers": {name: header(name) for name in ("X-Request-ID", *headers)},
        "content": media(schema, examples, media_type),
    }


def problem(
    description: str, examples: dict[str, Json], schema: str = "Problem", **kw: Any
) -> Json:
    return response(description, ref(schema), examples, media_type=PROBLEM_JSON, **kw)


def legacy(description: str, examples: dict[str, Json], **kw: Any) -> Json:
    return response(description, ref("LegacyError"), examples, **kw)


def problem_401() -> Json:
    return problem(
        AUTH_401 + ": log in again (POST /v1/auth/generate_access_token) or refresh.",
        {
            "missing": example("No token", UNAUTHORIZED_PROBLEM),
            "expired": example("Expired token", EXPIRED_PROBLEM),
        },
        headers=("WWW-Authenticate",),
    )


def problem_500() -> Json:
    return problem(INTERNAL, {"internal": example("Internal error", INTERNAL_PROBLEM)})


def legacy_401() -> Json:
    return legacy(
        AUTH_401,
        {"unauthorized": example("Refused token", INVALID_CREDENTIALS)},
        headers=("WWW-Authenticate",),
    )


def legacy_500() -> Json:
    return legacy(INTERNAL, {"internal": example("Internal error", LEGACY_INTERNAL)})


def legacy_too_large() -> Json:
    return legacy(TOO_LARGE, {"too_large": example("Too large", LEGACY_TOO_LARGE)})
