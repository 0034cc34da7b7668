from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from adapters.auth import (
    InvalidToken,
    JwtCodec,
    MerchantRegistry,
    MerchantSessions,
    TokenSettings,
    TokenType,
    api_key_matches,
    hash_api_key,
    new_api_key,
)
from adapters.memory import InMemoryStore, ManualClock, SequentialIds
from paycore.errors import InvalidCredentials

SECRET = "s" * 40


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 26, 17, 0, tzinfo=UTC))


@pytest.fixture
def codec(clock: ManualClock) -> JwtCodec:
    return JwtCodec(TokenSettings(SECRET), clock=clock, ids=SequentialIds())


def test_api_keys_are_long_prefixed_and_only_hashes_match() -> None:
    key = new_api_key()

    assert key.startswith("pk_") and len(key) >= 40
    assert api_key_matches(key, hash_api_key(key))
    assert not api_key_matches(key + "x", hash_api_key(key))
    assert not api_key_matches(key, None)


def test_tokens_carry_the_pinned_claims(codec: JwtCodec) -> None:
    issued = codec.issue("m-1", TokenType.ACCESS, family_id="f")

    header = jwt.get_unverified_header(issued.token)
    claims = jwt.decode(issued.token, options={"verify_signature": False})
    assert header["alg"] == "HS256"
    assert {"iss", "aud", "exp", "iat", "nbf", "jti", "typ", "sub", "fam"} <= claims.keys()
    assert claims["typ"] == "access" and claims["sub"] == "m-1"
    assert issued.expires_at == datetime(2026, 11, 26, 17, 15, tzinfo=UTC)


def test_type_and_time_are_enforced(codec: JwtCodec, clock: ManualClock) -> None:
    refresh = codec.issue("m-1", TokenType.REFRESH, family_id="f")

    with pytest.raises(InvalidToken):
        codec.decode(refresh.token, TokenType.ACCESS)
    assert codec.decode(refresh.token, TokenType.REFRESH).family_id == "f"
    clock.advance(timedelta(days=7))
    with pytest.raises(InvalidToken, match="expired"):
        codec.decode(refresh.token, TokenType.REFRESH)


def test_short_secrets_are_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        TokenSettings("short")


async def test_sessions_log_in_rotate_and_detect_reuse(codec: JwtCodec, clock) -> None:
    store = InMemoryStore()
    ids = SequentialIds()
    created = await MerchantRegistry(uow=store.unit_of_work, clock=clock, ids=ids).register(
        "a@example.com"
    )
    sessions = MerchantSessions(
        uow=store.unit_of_work, refresh_token_uses=store.refresh_token_uses, codec=codec, ids=ids
    )

    with pytest.raises(InvalidCredentials):
        await sessions.log_in("a@example.com", "pk_wrong")
    pair = await sessions.log_in("A@example.com", created.api_key)
    assert (await sessions.authenticate(pair.access.token)).id == created.merchant.id

    rotated = await sessions.refresh(pair.refresh.token)
    with pytest.raises(InvalidToken, match="reused"):
        await sessions.refresh(pair.refresh.token)
    with pytest.raises(InvalidToken):
        await sessions.refresh(rotated.tokens.refresh.token)
    # Reuse revoked the whole login: its access tokens too, the first and the rotated one.
    for access in (pair.access.token, rotated.tokens.access.token):
        with pytest.raises(InvalidToken, match="revoked"):
            await sessions.authenticate(access)
    # Another login of the same merchant is untouched.
    other = await sessions.log_in("a@example.com", created.api_key)
    assert (await sessions.authenticate(other.access.token)).id == created.merchant.id


def _signed(**overrides: object) -> str:
    claims: dict[str, object] = {
        "iss": "paygate", "aud": "paygate-merchants", "sub": "m-1", "jti": "j", "fam": "f",
        "typ": "access", "iat": 1_790_000_000, "nbf": 1_790_000_000, "exp": 1_800_000_000,
    }  # fmt: skip
    claims.update(overrides)

    # PyJWT's encoder refuses NaN; a hostile client's encoder need not.
    def b64(raw: bytes) -> bytes:
        return base64.urlsafe_b64encode(raw).rstrip(b"=")

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps(claims, allow_nan=True).encode())
    signature = b64(hmac.new(SECRET.encode(), head + b"." + body, hashlib.sha256).digest())
    return (head + b"." + body + b"." + signature).decode()


@pytest.mark.parametrize("claim", ["exp", "nbf"])
@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), 1e300, 10**400, -1, "1800000000", True]
)
def test_absurd_token_times_are_invalid_tokens(codec: JwtCodec, claim: str, value: object) -> None:
    token = _signed(**{claim: value})

    with pytest.raises(InvalidToken, match="malformed time claims"):
        codec.decode(token, TokenType.ACCESS)


def test_a_genuine_hand_made_token_decodes(codec: JwtCodec) -> None:
    assert codec.decode(_signed(), TokenType.ACCESS).family_id == "f"


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (_signed()[:-3] + "abc", "bad signature"),
        ("not.a.jwt", "not a well-formed signed JWT"),
        (jwt.encode({"sub": "m"}, None, algorithm="none"), "its algorithm is not accepted"),
        (_signed(aud="someone-else"), "wrong audience"),
        (_signed(iss="someone-else"), "wrong issuer"),
        (jwt.encode({"x": 1}, SECRET), "a required claim is missing"),
    ],
)
def test_bad_tokens_are_explained_in_our_own_words(
    codec: JwtCodec, token: str, reason: str
) -> None:
    with pytest.raises(InvalidToken) as caught:
        codec.decode(token, TokenType.ACCESS)

    assert str(caught.value) == f"invalid token: {reason}"


def test_an_access_token_without_its_login_is_refused(codec: JwtCodec) -> None:
    claims = jwt.decode(_signed(), options={"verify_signature": False})
    del claims["fam"]
    with pytest.raises(InvalidToken, match="claim is missing"):
        codec.decode(jwt.encode(claims, SECRET, algorithm="HS256"), TokenType.ACCESS)
