"""HTTP pieces shared by the route modules: JSON responses and the Idempotency-Key header."""

from __future__ import annotations

from litestar import Response
from litestar.datastructures import Headers

from banksim.json_bodies import BadRequest


def json_response(status: int, body: bytes) -> Response[bytes]:
    return Response(body, status_code=status, media_type="application/json")


def idempotency_key(headers: Headers) -> str | None:
    """None without the header; raises BadRequest for a key no bank would store."""
    key = headers.get("idempotency-key")
    if key is not None and not (0 < len(key) <= 255 and key.isprintable()):
        raise BadRequest("Idempotency-Key must be 1 to 255 printable characters")
    return key
