"""Headers added to a response's start message by the before-send hooks, on its raw list of
(name, value) byte pairs. Litestar's `MutableScopeHeaders` rebuilds a view and lowercases
every header on each assignment: with six assignments a response, 5 % of a cached read's
CPU in a profile (bench/README.md)."""

from __future__ import annotations

from collections.abc import Iterable

from litestar.types import HTTPResponseStartEvent


def _raw(message: HTTPResponseStartEvent) -> list[tuple[bytes, bytes]]:
    headers = message.get("headers")
    if not isinstance(headers, list):  # a tuple, or none: made a list once
        headers = list(headers or ())
        message["headers"] = headers
    return headers


def append_headers(message: HTTPResponseStartEvent, pairs: Iterable[tuple[str, str]]) -> None:
    """Headers that nothing else sets (ours: the request id, the rate-limit headers)."""
    _raw(message).extend((name.lower().encode("latin-1"), value.encode("latin-1"))
                         for name, value in pairs)  # fmt: skip


def replace_header(message: HTTPResponseStartEvent, name: str, value: str) -> None:
    """A header a response may carry already (`Retry-After`: a 503's own): ours replaces it."""
    raw_name = name.lower().encode("latin-1")
    headers = _raw(message)
    headers[:] = [pair for pair in headers if pair[0].lower() != raw_name]
    headers.append((raw_name, value.encode("latin-1")))
