"""Reading request bodies: size-limited, UTF-8 JSON objects, decoded without a schema so
that wrong types become field errors reported by validation rather than parse failures.

Hostile bodies are refused with a message before they can hurt: numbers whose exponent no
decimal can hold, nesting deep enough to exhaust the stack, and NUL characters (which
PostgreSQL cannot store in text and no client means as text).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import msgspec
from litestar import Request

MAX_BODY_BYTES = 64 * 1024
MAX_NESTING = 32


class MalformedRequest(Exception):
    """The request cannot be read at all: broken JSON, not UTF-8, not an object, bad header."""


class _NumberOutOfRange(Exception):
    pass


def _exact_decimal(text: str) -> Decimal:
    # JSON numbers with a fraction become exact Decimals: 10.10 must never be 10.0999...
    try:
        return Decimal(text)
    except InvalidOperation:  # an exponent past what any decimal can hold (1E+10**20)
        raise _NumberOutOfRange from None


_decoder = msgspec.json.Decoder(float_hook=_exact_decimal)


def decode_json_object(raw: bytes) -> dict[str, Any]:
    _refuse_deep_nesting(raw)
    try:
        value = _decoder.decode(raw)
    except _NumberOutOfRange:
        raise MalformedRequest("the body holds a number too large or too small") from None
    except msgspec.ValidationError:  # msgspec's own limit: integers beyond 64 bits
        raise MalformedRequest("the body holds an integer too large") from None
    except (msgspec.DecodeError, UnicodeDecodeError):
        raise MalformedRequest("the body must be valid UTF-8 JSON") from None
    except RecursionError:  # deeper than the scan counts (never, but the stack is finite)
        raise MalformedRequest(f"the body nests deeper than {MAX_NESTING} levels") from None
    if not isinstance(value, dict):
        raise MalformedRequest("the body must be a JSON object")
    if b"\\u0000" in raw and _holds_nul(value):
        raise MalformedRequest("text fields must not contain NUL characters (\\u0000)")
    return value


async def read_json_object(request: Request[Any, Any, Any]) -> dict[str, Any]:
    # Litestar answers 413 past the app's body size limit.
    return decode_json_object(await request.body())


def _refuse_deep_nesting(raw: bytes) -> None:
    """The decoder recurses once per level: bound the depth before it runs.

    Counting brackets is C-fast, so ordinary bodies pay for two `count`s only; a body
    with many brackets gets the exact scan, which skips brackets inside strings."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_NESTING:
        return
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > MAX_NESTING:
                raise MalformedRequest(f"the body nests deeper than {MAX_NESTING} levels")
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


def first_present(body: dict[str, Any], *names: str) -> Any:
    """The value of the first of several accepted spellings of a field, else None."""
    for name in names:
        if name in body:
            return body[name]
    return None
