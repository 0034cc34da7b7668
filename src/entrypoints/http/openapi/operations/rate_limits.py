"""The rate-limited operations' 429 and `RateLimit-*` headers, added to what they document."""

from __future__ import annotations

import copy

from entrypoints.http.openapi import examples_api_keys as kx
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.responses import header, legacy, problem
from entrypoints.http.openapi.schemas.building import Json

RATE_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
# Per merchant: every payment route, resource and legacy.
PAYMENT_OPERATIONS = (
    "createPayment", "listPayments", "getPayment", "capturePayment", "voidPayment",
    "refundPayment", "processPaymentLegacy", "getPaymentLegacy",
)  # fmt: skip
# Per client address and per email, counting failed attempts.
AUTH_OPERATIONS = ("generateAccessToken", "refreshToken")
_PAYMENTS_429 = (
    "The merchant's request budget (PAYGATE_RATE_LIMIT, default 100/s) is spent: retry "
    "after Retry-After seconds. Nothing was done."
)
_AUTH_429 = (
    "Too many failed attempts from this address or for this email (PAYGATE_AUTH_RATE_LIMIT, "
    "default 10/min): every attempt, the right key too, is refused until Retry-After."
)


def with_rate_limits(operations: dict[str, Json]) -> dict[str, Json]:
    limited = copy.deepcopy(operations)
    for name in (*PAYMENT_OPERATIONS, *AUTH_OPERATIONS):
        responses = limited[name]["responses"]
        for answer in responses.values():
            answer["headers"] |= {h: header(h) for h in RATE_HEADERS}
        responses["429"] = _refusal(name in AUTH_OPERATIONS or name.endswith("Legacy"), name)
    return limited


def _refusal(enveloped: bool, name: str) -> Json:
    headers = ("Retry-After", *RATE_HEADERS)
    text = _AUTH_429 if name in AUTH_OPERATIONS else _PAYMENTS_429
    if enveloped:
        return legacy(
            text, {"limited": example("Limited", kx.LEGACY_RATE_LIMITED)}, headers=headers
        )
    return problem(text, {"limited": example("Limited", kx.RATE_LIMITED_PROBLEM)}, headers=headers)
