"""Signing a webhook and verifying it on the receiver's side: one scheme for both.

`Paygate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The
timestamp is signed with the body, so a captured request cannot be replayed later than
the receiver's tolerance; several `v1=` entries may appear (one per secret while a secret
is rolled) and one match is enough.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any


class WebhookVerificationError(ValueError):
    """The signature header is missing or malformed, or the body, secret or time is wrong."""


def signature_of(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def sign_webhook(secret: str, body: bytes, timestamp: int) -> str:
    """The `Paygate-Signature` header value for `body` sent at `timestamp`."""
    return f"t={timestamp},v1={signature_of(secret, timestamp, body)}"


def verify_webhook(
    body: bytes, header: str, secret: str, tolerance: int = 300, now: float | None = None
) -> dict[str, Any]:
    """The event `body` carries, once its signature proves it came from paygate, recently.

    Pass the raw body exactly as received: re-encoded JSON no longer matches.
    """
    timestamp, candidates = _parse(header)
    moment = time.time() if now is None else now
    # Refused both ways: an old request may be a replay, a future one a forged clock.
    if abs(moment - timestamp) > tolerance:
        raise WebhookVerificationError("the signature's timestamp is outside the tolerance")
    expected = signature_of(secret, timestamp, body)
    # Every candidate is compared, in constant time, so timing reveals nothing of which.
    matches = [hmac.compare_digest(expected, candidate) for candidate in candidates]
    if not any(matches):
        raise WebhookVerificationError("no signature matches the body and the secret")
    try:
        event = json.loads(body)
    except ValueError:
        raise WebhookVerificationError("the body is not JSON") from None
    if not isinstance(event, dict):
        raise WebhookVerificationError("the body is not a JSON object")
    return event


def _parse(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    candidates: list[str] = []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isascii() and value.isdigit():
            timestamp = int(value)
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        raise WebhookVerificationError("the Paygate-Signature header is malformed")
    return timestamp, candidates
