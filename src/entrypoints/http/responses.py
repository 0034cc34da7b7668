"""Encoding responses: every JSON body goes through one msgspec encoder.

Decimals are written as JSON numbers (the legacy routes speak major units like 10.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec
from litestar import Response

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"

_encoder = msgspec.json.Encoder(decimal_format="number")


def encode_json(content: Any) -> bytes:
    return _encoder.encode(content)


def json_response(
    content: Any,
    status_code: int,
    *,
    media_type: str = JSON,
    headers: Mapping[str, str] | None = None,
) -> Response[Any]:
    return Response(
        content=encode_json(content),
        status_code=status_code,
        media_type=media_type,
        headers=dict(headers or {}),
    )
