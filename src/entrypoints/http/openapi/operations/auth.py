"""The authentication routes: POST /v1/auth/generate_access_token and /v1/auth/refresh."""

from __future__ import annotations

from entrypoints.http.openapi import auth_examples as auth_ex
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.legacy_examples import (
    INVALID_CREDENTIALS,
    LEGACY_MALFORMED,
)
from entrypoints.http.openapi.operations.responses import (
    legacy,
    legacy_500,
    legacy_too_large,
    media,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref


def _login_request() -> Json:
    schema = {
        "type": "object",
        "required": ["email", "api_key"],
        "description": "`Email` is accepted for `email`, `Api_Key` and `API_KEY` for `api_key`",
        "properties": {
            "email": {"type": "string", "examples": [auth_ex.EMAIL]},
            "api_key": {
                "type": "string",
                "description": "Shown once, when the merchant is created "
                "(`paygate merchants create`, or printed by `make run`)",
                "examples": [auth_ex.API_KEY],
            },
        },
    }
    body = {"email": auth_ex.EMAIL, "api_key": auth_ex.API_KEY}
    return {"required": True, "content": media(schema, {"login": example("Log in", body)})}


def _refresh_request() -> Json:
    schema = {
        "type": "object",
        "required": ["token"],
        "description": "`Token` and `Email` are accepted too",
        "properties": {
            "token": {"type": "string", "description": "The refresh token (not the access one)"},
            "email": {
                "type": "string",
                "description": "Optional; when sent it must be the token's merchant's",
            },
        },
    }
    body = {"token": auth_ex.REFRESH_JWT}
    return {"required": True, "content": media(schema, {"refresh": example("Refresh", body)})}


def _auth_errors(missing: Json, unauthorized: str, *, www_authenticate: bool) -> Json:
    headers = ("WWW-Authenticate",) if www_authenticate else ()
    return {
        "400": legacy(
            "A required field is missing or not a string, or the body is not JSON",
            {
                "missing": example("Missing field", missing),
                "malformed": example("Not JSON", LEGACY_MALFORMED),
            },
        ),
        "401": legacy(
            unauthorized,
            {"invalid": example("Refused", INVALID_CREDENTIALS)},
            headers=headers,
        ),
        "413": legacy_too_large(),
        "500": legacy_500(),
    }


def generate_access_token() -> Json:
    ok = response(
        "An access token and a refresh token",
        ref("LoginResponse"),
        {"tokens": example("Tokens", auth_ex.LOGIN_OK)},
    )
    errors = _auth_errors(
        auth_ex.MISSING_LOGIN_FIELDS,
        "Unknown email or wrong API key (the same answer for both)",
        www_authenticate=False,
    )
    return {"security": [], "requestBody": _login_request(), "responses": {"200": ok} | errors}


def refresh_token() -> Json:
    ok = response(
        "A new token pair; the refresh token sent cannot be used again",
        ref("RefreshResponse"),
        {"tokens": example("Tokens", auth_ex.REFRESH_OK)},
    )
    errors = _auth_errors(
        auth_ex.MISSING_TOKEN_FIELD,
        "Not a valid refresh token: expired, already used (which revokes every token of that "
        "login), an access token, or another merchant's email",
        www_authenticate=True,
    )
    return {"security": [], "requestBody": _refresh_request(), "responses": {"200": ok} | errors}
