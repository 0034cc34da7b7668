"""Merchant tokens (API.md section 2): log in with an API key, rotate a refresh token.

Failed attempts spend the budget of the client's address and of the email named; while
either is spent every attempt answers 429 (section 10). Malformed requests (400) spend
nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar import Request, Response, post
from litestar.di import NamedDependency

from entrypoints.http.body import first_present, read_json_object
from entrypoints.http.dto import TokenData, TokenEnvelope, TokenOut, TokenPairOut
from entrypoints.http.rate_limiting import FailedAttempts, RateLimits
from entrypoints.http.responses import json_response
from paycore.errors import FieldError, ValidationFailed
from paycore.token_claims import TokenPair
from paycore.use_cases import RefreshSession, SignIn


@post(
    "/v1/auth/generate_access_token",
    status_code=200,
    operation_id="generateAccessToken",
    tags=["Authentication"],
    summary="Exchange email and API key for an access and a refresh token",
    description="The access token authenticates API calls for 15 minutes; the refresh "
    "token (7 days) gets a new pair from POST /v1/auth/refresh.",
)
async def generate_access_token(
    request: Request[Any, Any, Any],
    sign_in: NamedDependency[SignIn],
    rate_limits: NamedDependency[RateLimits],
) -> Response[TokenEnvelope]:
    body = await read_json_object(request)
    email = first_present(body, "email", "Email")
    api_key = first_present(body, "api_key", "Api_Key", "API_KEY")
    _require_strings(email=email, api_key=api_key)
    async with FailedAttempts(request, rate_limits, email).attempt():
        tokens = await sign_in(email, api_key)
    return json_response(TokenEnvelope(True, TokenData(_pair_out(tokens))), 200)


@post(
    "/v1/auth/refresh",
    status_code=200,
    operation_id="refreshToken",
    tags=["Authentication"],
    summary="Rotate a refresh token: it works once, reuse revokes the whole login",
    description="Answers a new access and refresh token. A refresh token works once: "
    "sending it again is treated as theft and revokes every token of that login (401).",
)
async def refresh_token(
    request: Request[Any, Any, Any],
    refresh_session: NamedDependency[RefreshSession],
    rate_limits: NamedDependency[RateLimits],
) -> Response[TokenEnvelope]:
    body = await read_json_object(request)
    token = first_present(body, "token", "Token")
    email = first_present(body, "email", "Email")
    _require_strings(token=token)
    if email is not None and not isinstance(email, str):
        raise ValidationFailed([FieldError("email", "must be a string")])
    # A bad or reused token is a failed attempt too (InvalidToken is InvalidCredentials).
    async with FailedAttempts(request, rate_limits, email).attempt():
        session = await refresh_session(token, email)
    data = TokenData(_pair_out(session.tokens), email=session.merchant.email)
    return json_response(TokenEnvelope(True, data), 200)


def _require_strings(**fields: Any) -> None:
    errors = [
        FieldError(name, "is required (a non-empty string)")
        for name, value in fields.items()
        if not isinstance(value, str) or not value.strip()
    ]
    if errors:
        raise ValidationFailed(errors)


def _pair_out(tokens: TokenPair) -> TokenPairOut:
    return TokenPairOut(
        access=TokenOut(tokens.access.token, _expires(tokens.access.expires_at)),
        refresh=TokenOut(tokens.refresh.token, _expires(tokens.refresh.expires_at)),
    )


def _expires(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
