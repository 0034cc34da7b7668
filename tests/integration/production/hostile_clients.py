"""What a hostile client sends: bodies, tokens and headers crafted to break a parser."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

# Numbers no decimal can hold, and the same as the legacy route's amount string.
HUGE_NUMBERS = (
    b"1E+100000000000000000000",
    b"1e-1000000000000000000000",
    b"0E1000000000000000000",
    b"-9.5e9999999999999999999",
)
HUGE_INTEGER = b"1" * 5001
# 2 KB of nested arrays: deep enough to exhaust a recursive decoder's stack.
DEEP_NESTING = b"[" * 980 + b"]" * 980
JSON_ROUTES = (
    "/v1/auth/generate_access_token",
    "/v1/auth/refresh",
    "/v1/payments",
    "/v1/process-payment",
)


def with_field(name: str, raw_value: bytes, base: dict[str, Any] | None = None) -> bytes:
    """A JSON object whose `name` holds `raw_value` verbatim (no encoder would write it)."""
    fields = [f'"{k}": {json.dumps(v)}'.encode() for k, v in (base or {}).items() if k != name]
    fields.append(f'"{name}": '.encode() + raw_value)
    return b"{" + b", ".join(fields) + b"}"


def _b64(raw: bytes) -> bytes:
    return base64.urlsafe_b64encode(raw).rstrip(b"=")


def signed_token(secret: str, merchant_id: str, **overrides: Any) -> str:
    """An HS256 access token signed with the gateway's own secret, claims as overridden.

    Encoded by hand: PyJWT refuses NaN and Infinity, a hostile client's encoder need not."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": "paygate",
        "aud": "paygate-merchants",
        "sub": merchant_id,
        "jti": "hand-made",
        "fam": "hand-made-login",
        "typ": "access",
        "iat": now,
        "nbf": now - 5,
        "exp": now + 600,
    }
    claims.update(overrides)
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64(json.dumps(claims, allow_nan=True).encode())
    signature = _b64(hmac.new(secret.encode(), head + b"." + body, hashlib.sha256).digest())
    return (head + b"." + body + b"." + signature).decode()
