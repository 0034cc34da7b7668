from __future__ import annotations

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
    issued = codec.issue("m-1", TokenType.ACCESS)

    header = jwt.get_unverified_header(issued.token)
    claims = jwt.decode(issued.token, options={"verify_signature": False})
    assert header["alg"] == "HS256"
    assert {"iss", "aud", "exp", "iat", "nbf", "jti", "typ", "sub"} <= claims.keys()
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
    sessions = MerchantSessions(uow=store.unit_of_work, codec=codec, ids=ids)

    with pytest.raises(InvalidCredentials):
        await sessions.log_in("a@example.com", "pk_wrong")
    pair = await sessions.log_in("A@example.com", created.api_key)
    assert (await sessions.authenticate(pair.access.token)).id == created.merchant.id

    rotated = await sessions.refresh(pair.refresh.token)
    with pytest.raises(InvalidToken, match="reused"):
        await sessions.refresh(pair.refresh.token)
    with pytest.raises(InvalidToken):
        await sessions.refresh(rotated.tokens.refresh.token)
