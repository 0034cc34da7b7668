"""Example bodies of /v1/api_keys and of rate-limit refusals."""

from __future__ import annotations

from entrypoints.http.openapi.examples import problem
from entrypoints.http.openapi.legacy_examples import legacy_error

KEY_ID = "01a233b0-5c1e-7e10-9b7a-2f4d6c8e0a11"
OLD_KEY_ID = "01a233b0-1a99-7684-b326-cb813ed767ff"
NEW_KEY = {
    "id": KEY_ID,
    "api_key": "sk_Vb3kz1mW0yq5sJ9tXc2nP8rL4dF6hG7aQx7a",
    "prefix": "sk_",
    "last4": "Qx7a",
    "created_at": "2026-12-01T22:18:36.237Z",
    "expires_at": None,
}
LISTED = {k: v for k, v in NEW_KEY.items() if k != "api_key"}
OLD_LISTED = LISTED | {
    "id": OLD_KEY_ID,
    "last4": "zXw2",
    "created_at": "2026-11-30T09:00:00.000Z",
    "expires_at": "2026-12-01T23:18:36.237Z",
}
KEY_LIST = {"data": [OLD_LISTED, LISTED], "has_more": False}
REVOKED = OLD_LISTED | {"revoked_at": "2026-12-01T22:20:00.000Z"}
KEY_NOT_FOUND_PROBLEM = problem("not-found", "Not found", 404, "API key not found")
LAST_KEY_PROBLEM = problem(
    "last-active-key",
    "Conflict",
    409,
    "this is the merchant's only active API key: create another one first",
)
RATE_DETAIL = "too many requests; retry after the Retry-After header's seconds"
RATE_LIMITED_PROBLEM = problem("rate-limited", "Too many requests", 429, RATE_DETAIL)
LEGACY_RATE_LIMITED = legacy_error(RATE_DETAIL)
