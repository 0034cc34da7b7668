"""Example bodies of the authentication routes: a demo merchant's real tokens."""

from __future__ import annotations

from typing import Any

from entrypoints.http.openapi.legacy_examples import legacy_error

ACCESS_JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXlnYXRlIiwiYXVkIjoicGF5Z2F0ZS1tZXJja"
    "GFudHMiLCJzdWIiOiIwMWEyMzNiMC0xYTk5LTc2ODQtYjMyNi1jYjgxM2VkNzY3ZmYiLCJ0eXAiOiJhY2Nlc3Mi"
    "fQ.emIQtzklU8k9TCwwGEW3M0XKsde-KV6S9PywJlLXLfU"
)
REFRESH_JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXlnYXRlIiwiYXVkIjoicGF5Z2F0ZS1tZXJja"
    "GFudHMiLCJzdWIiOiIwMWEyMzNiMC0xYTk5LTc2ODQtYjMyNi1jYjgxM2VkNzY3ZmYiLCJ0eXAiOiJyZWZyZXNo"
    "In0.W-oNt6GTm_rg5FT9Z-yeLxqaDIsFYNpnOv1-DzfAUjM"
)
API_KEY = "sk_jajBArtQEos9bzE3bTUtR2CE0yKZLbe4UMItHoZFNBE"
EMAIL = "demo@paygate.local"


def token_pair() -> dict[str, Any]:
    return {
        "access": {"token": ACCESS_JWT, "expires": "2026-12-01T22:33:35Z"},
        "refresh": {"token": REFRESH_JWT, "expires": "2026-12-08T22:18:35Z"},
    }


LOGIN_OK = {"success": True, "data": {"token": token_pair()}}
REFRESH_OK = {"success": True, "data": {"token": token_pair(), "email": EMAIL}}
MISSING_TOKEN_FIELD = legacy_error(
    "token: is required (a non-empty string)",
    {"field": "token", "message": "is required (a non-empty string)"},
)
MISSING_LOGIN_FIELDS = legacy_error(
    "email: is required (a non-empty string); api_key: is required (a non-empty string)",
    {"field": "email", "message": "is required (a non-empty string)"},
    {"field": "api_key", "message": "is required (a non-empty string)"},
)
