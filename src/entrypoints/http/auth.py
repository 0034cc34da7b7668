"""Who is calling: the bearer token of a request, checked, as a Litestar dependency."""

from __future__ import annotations

from typing import Any

import structlog
from litestar import Request
from litestar.datastructures import Headers
from litestar.di import NamedDependency

from paycore.errors import InvalidToken
from paycore.use_cases import Authenticate

SECURITY: list[dict[str, list[str]]] = [{"BearerToken": []}]


def bearer_token(headers: Headers) -> str | None:
    """`Authorization: Bearer <jwt>`, or the original design's `Bearer-Token: <jwt>`."""
    authorization = headers.get("authorization", "")
    scheme, _, credentials = authorization.strip().partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    legacy = headers.get("bearer-token", "").strip()
    if legacy.lower().startswith("bearer "):
        legacy = legacy[7:].strip()
    return legacy or None


async def current_merchant_id(
    request: Request[Any, Any, Any], authenticate: NamedDependency[Authenticate]
) -> str:
    token = bearer_token(request.headers)
    if token is None:
        raise InvalidToken("missing bearer token")
    merchant = await authenticate(token)
    structlog.contextvars.bind_contextvars(merchant_id=merchant.id)
    return merchant.id
