"""Reading request bodies: size-limited, UTF-8 JSON objects, decoded without a schema so
that wrong types become field errors reported by validation rather than parse failures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import msgspec
from litestar import Request

MAX_BODY_BYTES = 64 * 1024

# JSON numbers with a fraction become exact Decimals: 10.10 must never be 10.0999...
_decoder = msgspec.json.Decoder(float_hook=Decimal)


class MalformedRequest(Exception):
    """The request cannot be read at all: broken JSON, not UTF-8, not an object, bad header."""


async def read_json_object(request: Request[Any, Any, Any]) -> dict[str, Any]:
    raw = await request.body()  # Litestar answers 413 past the app's body size limit.
    try:
        value = _decoder.decode(raw)
    except (msgspec.DecodeError, UnicodeDecodeError):
        raise MalformedRequest("the body must be valid UTF-8 JSON") from None
    if not isinstance(value, dict):
        raise MalformedRequest("the body must be a JSON object")
    return value


def first_present(body: dict[str, Any], *names: str) -> Any:
    """The value of the first of several accepted spellings of a field, else None."""
    for name in names:
        if name in body:
            return body[name]
    return None
