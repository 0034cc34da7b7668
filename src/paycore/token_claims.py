"""Merchant tokens: what they claim, how long they live, and when one is in force.

An access token authenticates API calls; a refresh token buys a new pair once. Both name
the login (family) they descend from, so revoking a login refuses all of its tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from paycore.errors import InvalidToken


class TokenType(StrEnum):
    ACCESS = "access"
    REFRESH = "refresh"


@dataclass(frozen=True, slots=True)
class TokenLifetimes:
    access: timedelta = timedelta(minutes=15)
    refresh: timedelta = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class TokenClaims:
    # None: the token names a type this gateway never issues.
    type: TokenType | None
    merchant_id: str
    jti: str
    family_id: str
    valid_from: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    jti: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class TokenPair:
    access: IssuedToken
    refresh: IssuedToken


def in_force(claims: TokenClaims, expected: TokenType, now: datetime) -> TokenClaims:
    """The claims, if their token is current and of the expected type.

    Time is judged first: an expired token is "expired" whatever its type.
    """
    if now >= claims.expires_at:
        raise InvalidToken("token expired")
    if now < claims.valid_from:
        raise InvalidToken("token not yet valid")
    if claims.type is not expected:
        raise InvalidToken(f"not an {expected.value} token")
    return claims
