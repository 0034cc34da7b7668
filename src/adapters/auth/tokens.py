"""JWTs for merchants: HS256 pinned, typed (access / refresh), checked against our clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import jwt

from adapters.auth.errors import InvalidToken
from paycore.ports import Clock, IdGenerator

ALGORITHM = "HS256"
MIN_SECRET_BYTES = 32
_REQUIRED_CLAIMS = ("iss", "aud", "exp", "iat", "nbf", "jti", "typ", "sub", "fam")
# NumericDate bounds: a time outside them is no time a token of ours ever carries, and
# datetime cannot hold it (NaN, Infinity, 1e300 and 10**400 are all refused).
_LATEST_TIMESTAMP = 253402300799  # 9999-12-31T23:59:59Z
# What went wrong, in our words: the library's own texts are not part of our contract.
_DECODE_FAILURES: tuple[tuple[type[jwt.PyJWTError], str], ...] = (
    (jwt.InvalidAlgorithmError, "invalid token: its algorithm is not accepted"),
    (jwt.InvalidSignatureError, "invalid token: bad signature"),
    (jwt.InvalidAudienceError, "invalid token: wrong audience"),
    (jwt.InvalidIssuerError, "invalid token: wrong issuer"),
    (jwt.MissingRequiredClaimError, "invalid token: a required claim is missing"),
    (jwt.DecodeError, "invalid token: not a well-formed signed JWT"),
)


class TokenType(StrEnum):
    ACCESS = "access"
    REFRESH = "refresh"


@dataclass(frozen=True, slots=True)
class TokenSettings:
    secret: str
    issuer: str = "paygate"
    audience: str = "paygate-merchants"
    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=7)

    def __post_init__(self) -> None:
        if len(self.secret.encode()) < MIN_SECRET_BYTES:
            raise ValueError(f"the JWT secret must be at least {MIN_SECRET_BYTES} bytes")


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    jti: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class TokenClaims:
    merchant_id: str
    jti: str
    family_id: str
    expires_at: datetime


class JwtCodec:
    def __init__(self, settings: TokenSettings, *, clock: Clock, ids: IdGenerator) -> None:
        self._settings = settings
        self._clock = clock
        self._ids = ids

    def issue(self, merchant_id: str, typ: TokenType, family_id: str) -> IssuedToken:
        """A signed token; `family_id` names the login it descends from (revoked together)."""
        now = self._clock.now()
        ttl = self._settings.access_ttl if typ is TokenType.ACCESS else self._settings.refresh_ttl
        expires_at = now + ttl
        jti = self._ids.new_id()
        claims: dict[str, Any] = {
            "iss": self._settings.issuer,
            "aud": self._settings.audience,
            "sub": merchant_id,
            "iat": int(now.timestamp()),
            "nbf": int(now.timestamp()),
            "exp": int(expires_at.timestamp()),
            "jti": jti,
            "typ": typ.value,
            "fam": family_id,
        }
        token = jwt.encode(claims, self._settings.secret, algorithm=ALGORITHM)
        return IssuedToken(token, jti, datetime.fromtimestamp(claims["exp"], UTC))

    def decode(self, token: str, expected: TokenType) -> TokenClaims:
        """The token's claims if it is genuine, current and of the expected type."""
        try:
            claims = jwt.decode(
                token,
                self._settings.secret,
                algorithms=[ALGORITHM],
                audience=self._settings.audience,
                issuer=self._settings.issuer,
                # Time is checked below against the injected clock, not the wall clock.
                options={
                    "require": list(_REQUIRED_CLAIMS),
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                },
            )
        except jwt.PyJWTError as exc:
            reason = next((r for kind, r in _DECODE_FAILURES if isinstance(exc, kind)), None)
            raise InvalidToken(reason or "invalid token") from None
        return self._checked(claims, expected)

    def _checked(self, claims: dict[str, Any], expected: TokenType) -> TokenClaims:
        now = self._clock.now().timestamp()
        exp, nbf = claims["exp"], claims["nbf"]
        if not (_is_timestamp(exp) and _is_timestamp(nbf)):
            raise InvalidToken("invalid token: malformed time claims")
        if now >= exp:
            raise InvalidToken("token expired")
        if now < nbf:
            raise InvalidToken("token not yet valid")
        if claims["typ"] != expected.value:
            raise InvalidToken(f"not an {expected.value} token")
        sub, jti, family = claims["sub"], claims["jti"], claims.get("fam")
        if not isinstance(sub, str) or not isinstance(jti, str):
            raise InvalidToken("invalid token: malformed subject")
        if not isinstance(family, str):
            raise InvalidToken("invalid token: malformed login claim")
        return TokenClaims(sub, jti, family, datetime.fromtimestamp(exp, UTC))


def _is_timestamp(value: Any) -> bool:
    """A finite NumericDate within datetime's range (NaN fails both comparisons)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return 0 <= value <= _LATEST_TIMESTAMP
