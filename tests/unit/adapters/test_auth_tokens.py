"""The auth adapters: SHA-256 API keys and the JWT codec, alone and wired to paycore."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from adapters.auth import JwtCodec, Sha256ApiKeys, TokenSettings
from adapters.memory import InMemoryStore, ManualClock, SequentialIds
from paycore.errors import InvalidCredentials, InvalidToken
from paycore.token_claims import TokenClaims, TokenLifetimes, TokenType
from paycore.use_cases import (
    Authenticate,
    KeyIssuer,
    RefreshSession,
    RegisterMerchant,
    SignIn,
    TokenIssuer,
)

SECRET = "s" * 40
NOW = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def codec() -> JwtCodec:
    return JwtCodec(TokenSettings(SECRET))


def claims(**overrides: object) -> TokenClaims:
    fields: dict[str, object] = {
        "type": TokenType.ACCESS, "merchant_id": "m-1", "jti": "j", "family_id": "f",
        "valid_from": NOW, "expires_at": NOW + timedelta(minutes=15),
    }  # fmt: skip
    fields.update(overrides)
    return TokenClaims(**fields)  # type: ignore[arg-type]


def test_api_keys_are_long_prefixed_and_only_hashes_match() -> None:
    keys = Sha256ApiKeys()
    key = keys.generate()

    assert key.startswith("sk_") and len(key) >= 40
    assert keys.generate() != key
    assert keys.verify(key, keys.hash(key))
    assert not keys.verify(key + "x", keys.hash(key))
    assert not keys.verify(key, None)


def test_tokens_carry_the_pinned_claims(codec: JwtCodec) -> None:
    token = codec.encode(claims())

    header = jwt.get_unverified_header(token)
    payload = jwt.decode(token, options={"verify_signature": False})
    assert header["alg"] == "HS256"
    assert payload == {
        "iss": "paygate", "aud": "paygate-merchants", "sub": "m-1", "jti": "j", "fam": "f",
        "typ": "access", "iat": int(NOW.timestamp()), "nbf": int(NOW.timestamp()),
        "exp": int(NOW.timestamp()) + 900,
    }  # fmt: skip


@pytest.mark.parametrize("token_type", list(TokenType))
def test_what_is_encoded_decodes_unchanged(codec: JwtCodec, token_type: TokenType) -> None:
    issued = claims(type=token_type)

    assert codec.decode(codec.encode(issued)) == issued


def test_a_token_is_never_encoded_without_a_type(codec: JwtCodec) -> None:
    with pytest.raises(ValueError, match="with a type"):
        codec.encode(claims(type=None))


def test_time_is_left_to_the_domain(codec: JwtCodec) -> None:
    expired = claims(valid_from=NOW - timedelta(days=9), expires_at=NOW - timedelta(days=8))

    assert codec.decode(codec.encode(expired)) == expired


def test_short_secrets_are_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        TokenSettings("short")


async def test_paycore_on_these_adapters_rotates_and_detects_reuse(
    codec: JwtCodec, clock: ManualClock
) -> None:
    store, ids, keys = InMemoryStore(), SequentialIds(), Sha256ApiKeys()
    issuer = TokenIssuer(codec=codec, clock=clock, ids=ids, lifetimes=TokenLifetimes())
    key_issuer = KeyIssuer(keys=keys, ids=ids)
    register = RegisterMerchant(uow=store.unit_of_work, issuer=key_issuer, clock=clock, ids=ids)
    sign_in = SignIn(uow=store.unit_of_work, keys=keys, issuer=issuer, ids=ids, clock=clock)
    refresh = RefreshSession(
        uow=store.unit_of_work,
        uses=store.refresh_token_uses,
        codec=codec,
        issuer=issuer,
        clock=clock,
    )
    authenticate = Authenticate(uow=store.unit_of_work, codec=codec, clock=clock)
    created = await register("a@example.com")

    with pytest.raises(InvalidCredentials):
        await sign_in("a@example.com", "pk_wrong")
    pair = await sign_in("A@example.com", created.api_key)
    assert (await authenticate(pair.access.token)).id == created.merchant.id

    rotated = await refresh(pair.refresh.token)
    with pytest.raises(InvalidToken, match="reused"):
        await refresh(pair.refresh.token)
    with pytest.raises(InvalidToken):
        await refresh(rotated.tokens.refresh.token)
    # Reuse revoked the whole login: its access tokens too, the first and the rotated one.
    for access in (pair.access.token, rotated.tokens.access.token):
        with pytest.raises(InvalidToken, match="revoked"):
            await authenticate(access)
    # Another login of the same merchant is untouched.
    other = await sign_in("a@example.com", created.api_key)
    assert (await authenticate(other.access.token)).id == created.merchant.id


def _signed(**overrides: object) -> str:
    payload: dict[str, object] = {
        "iss": "paygate", "aud": "paygate-merchants", "sub": "m-1", "jti": "j", "fam": "f",
        "typ": "access", "iat": 1_790_000_000, "nbf": 1_790_000_000, "exp": 1_800_000_000,
    }  # fmt: skip
    payload.update(overrides)

    # PyJWT's encoder refuses NaN; a hostile client's encoder need not.
    def b64(raw: bytes) -> bytes:
        return base64.urlsafe_b64encode(raw).rstrip(b"=")

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps(payload, allow_nan=True).encode())
    signature = b64(hmac.new(SECRET.encode(), head + b"." + body, hashlib.sha256).digest())
    return (head + b"." + body + b"." + signature).decode()


@pytest.mark.parametrize("claim", ["exp", "nbf"])
@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), 1e300, 10**400, -1, "1800000000", True]
)
def test_absurd_token_times_are_invalid_tokens(codec: JwtCodec, claim: str, value: object) -> None:
    token = _signed(**{claim: value})

    with pytest.raises(InvalidToken, match="malformed time claims"):
        codec.decode(token)


def test_a_genuine_hand_made_token_decodes(codec: JwtCodec) -> None:
    decoded = codec.decode(_signed(nbf=1_790_000_000.5))

    assert decoded.family_id == "f" and decoded.type is TokenType.ACCESS
    assert decoded.valid_from == datetime(2026, 9, 21, 14, 13, 20, 500000, tzinfo=UTC)
    assert decoded.expires_at == datetime(2027, 1, 15, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("typ", ["id", "ACCESS", 1, ["access"]])
def test_a_type_never_issued_decodes_as_none(codec: JwtCodec, typ: object) -> None:
    assert codec.decode(_signed(typ=typ)).type is None


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (_signed()[:-3] + "abc", "bad signature"),
        ("not.a.jwt", "not a well-formed signed JWT"),
        (jwt.encode({"sub": "m"}, None, algorithm="none"), "its algorithm is not accepted"),
        (_signed(aud="someone-else"), "wrong audience"),
        (_signed(iss="someone-else"), "wrong issuer"),
        (jwt.encode({"x": 1}, SECRET), "a required claim is missing"),
        (_signed(fam=7), "malformed login claim"),
    ],
)
def test_bad_tokens_are_explained_in_our_own_words(
    codec: JwtCodec, token: str, reason: str
) -> None:
    with pytest.raises(InvalidToken) as caught:
        codec.decode(token)

    assert str(caught.value) == f"invalid token: {reason}"


@pytest.mark.parametrize("claim", ["fam", "typ", "nbf"])
def test_a_token_missing_a_claim_is_refused(codec: JwtCodec, claim: str) -> None:
    payload = jwt.decode(_signed(), options={"verify_signature": False})
    del payload[claim]
    with pytest.raises(InvalidToken, match="claim is missing"):
        codec.decode(jwt.encode(payload, SECRET, algorithm="HS256"))


@pytest.mark.parametrize("claim", ["sub", "jti"])
def test_a_subject_or_id_that_is_not_text_is_refused(codec: JwtCodec, claim: str) -> None:
    with pytest.raises(InvalidToken) as caught:
        codec.decode(_signed(**{claim: 1}))

    assert str(caught.value) == "invalid token"


def test_a_genuine_token_is_verified_once_and_remembered(
    codec: JwtCodec, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = codec.encode(claims())
    verifications: list[str] = []
    real_decode = jwt.decode
    monkeypatch.setattr(
        jwt, "decode", lambda t, *a, **k: verifications.append(t) or real_decode(t, *a, **k)
    )

    assert codec.decode(token) == codec.decode(token) == claims()
    assert verifications == [token]


def test_a_forged_token_is_refused_every_time(codec: JwtCodec) -> None:
    forged = JwtCodec(TokenSettings("f" * 40)).encode(claims())
    for _ in range(2):
        with pytest.raises(InvalidToken, match="bad signature"):
            codec.decode(forged)


def test_only_so_many_tokens_are_remembered_the_oldest_going_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    codec = JwtCodec(TokenSettings(SECRET), remembered=2)
    first, second, third = (codec.encode(claims(jti=f"j{n}")) for n in range(3))
    for token in (first, second, third):
        codec.decode(token)
    verifications: list[str] = []
    real_decode = jwt.decode
    monkeypatch.setattr(
        jwt, "decode", lambda t, *a, **k: verifications.append(t) or real_decode(t, *a, **k)
    )

    codec.decode(third)
    codec.decode(second)
    codec.decode(first)

    assert verifications == [first]
