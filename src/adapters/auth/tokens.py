"""JWTs for merchant tokens: HS256 pinned, every claim required, failures in our words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt

from paycore.errors import InvalidToken
from paycore.token_claims import TokenClaims, TokenType

ALGORITHM = "HS256"
MIN_SECRET_BYTES = 32
_REQUIRED_CLAIMS = ("iss", "aud", "exp", "iat", "nbf", "jti", "typ", "sub", "fam")
_TYPES: dict[str, TokenType] = {t.value: t for t in TokenType}
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


@dataclass(frozen=True, slots=True)
class TokenSettings:
    secret: str
    issuer: str = "paygate"
    audience: str = "paygate-merchants"

    def __post_init__(self) -> None:
        if len(self.secret.encode()) < MIN_SECRET_BYTES:
            raise ValueError(f"the JWT secret must be at least {MIN_SECRET_BYTES} bytes")


class JwtCodec:
    """Encodes and decodes our tokens; a genuine token, once decoded, is remembered.

    A client sends the same access token with every request for its 15 minutes, and
    checking its signature and claims cost a tenth of a cached retrieval's CPU: the exact
    string verified once with this secret is genuine whenever it comes back (whether it is
    still in force is judged on every request, by the domain). Only genuine tokens are
    remembered, at most `remembered` of them, the oldest going first.
    """

    def __init__(self, settings: TokenSettings, *, remembered: int = 4096) -> None:
        self._settings = settings
        self._capacity = remembered
        self._genuine: dict[str, TokenClaims] = {}

    def encode(self, claims: TokenClaims) -> str:
        if claims.type is None:
            raise ValueError("a token is issued with a type")
        payload: dict[str, Any] = {
            "iss": self._settings.issuer,
            "aud": self._settings.audience,
            "sub": claims.merchant_id,
            "iat": int(claims.valid_from.timestamp()),
            "nbf": int(claims.valid_from.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
            "jti": claims.jti,
            "typ": claims.type.value,
            "fam": claims.family_id,
        }
        return jwt.encode(payload, self._settings.secret, algorithm=ALGORITHM)

    def decode(self, token: str) -> TokenClaims:
        claims = self._genuine.get(token)
        if claims is None:
            claims = self._verify(token)
            if len(self._genuine) >= self._capacity:
                del self._genuine[next(iter(self._genuine))]
            self._genuine[token] = claims
        return claims

    def _verify(self, token: str) -> TokenClaims:
        try:
            payload = jwt.decode(
                token,
                self._settings.secret,
                algorithms=[ALGORITHM],
                audience=self._settings.audience,
                issuer=self._settings.issuer,
                # Whether the token is current is the domain's to judge, on its own clock.
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
        return _claims(payload)


def _claims(payload: dict[str, Any]) -> TokenClaims:
    exp, nbf = payload["exp"], payload["nbf"]
    if not (_is_timestamp(exp) and _is_timestamp(nbf)):
        raise InvalidToken("invalid token: malformed time claims")
    # PyJWT itself refuses a subject or a token id that is not a string.
    family, typ = payload["fam"], payload["typ"]
    if not isinstance(family, str):
        raise InvalidToken("invalid token: malformed login claim")
    return TokenClaims(
        type=_TYPES.get(typ) if isinstance(typ, str) else None,
        merchant_id=payload["sub"],
        jti=payload["jti"],
        family_id=family,
        valid_from=datetime.fromtimestamp(nbf, UTC),
        expires_at=datetime.fromtimestamp(exp, UTC),
    )


def _is_timestamp(value: Any) -> bool:
    """A finite NumericDate within datetime's range (NaN fails both comparisons)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return 0 <= value <= _LATEST_TIMESTAMP
