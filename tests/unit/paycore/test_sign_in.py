"""SignIn: email and API key open a new login (token family) with its first pair."""

from __future__ import annotations

from datetime import timedelta

import pytest

from paycore.errors import InvalidCredentials
from paycore.refresh_token import RefreshToken
from paycore.token_claims import TokenClaims, TokenType
from tests.unit.paycore.auth_fakes import START, Auth

WHOLE_SECOND = START.replace(microsecond=0)


async def test_a_pair_of_one_new_login_is_issued_and_its_refresh_token_kept() -> None:
    auth = Auth()
    created = await auth.register("shop@example.com")

    pair = await auth.sign_in(" Shop@Example.com ", created.api_key)

    merchant_id = created.merchant.id
    key_id = "00000000-0000-7000-8000-000000000002"
    family = "00000000-0000-7000-8000-000000000003"
    assert auth.codec.decode(pair.access.token) == TokenClaims(
        TokenType.ACCESS, merchant_id, pair.access.jti, family,
        valid_from=WHOLE_SECOND, expires_at=WHOLE_SECOND + timedelta(minutes=15),
    )  # fmt: skip
    assert auth.codec.decode(pair.refresh.token) == TokenClaims(
        TokenType.REFRESH, merchant_id, pair.refresh.jti, family,
        valid_from=WHOLE_SECOND, expires_at=WHOLE_SECOND + timedelta(days=7),
    )  # fmt: skip
    assert pair.access.expires_at == WHOLE_SECOND + timedelta(minutes=15)
    assert auth.store.refresh_tokens == {
        pair.refresh.jti: RefreshToken(
            pair.refresh.jti, family, merchant_id, pair.refresh.expires_at, api_key_id=key_id
        )
    }


async def test_every_sign_in_opens_a_login_of_its_own() -> None:
    auth = Auth()
    created = await auth.register("shop@example.com")

    first = await auth.sign_in("shop@example.com", created.api_key)
    second = await auth.sign_in("shop@example.com", created.api_key)

    families = {auth.codec.decode(p.refresh.token).family_id for p in (first, second)}
    assert len(families) == 2


async def test_a_wrong_key_and_an_unknown_email_fail_alike() -> None:
    auth = Auth()
    created = await auth.register("shop@example.com")

    for email, key in (("shop@example.com", "key-2"), ("nobody@example.com", created.api_key)):
        with pytest.raises(InvalidCredentials) as caught:
            await auth.sign_in(email, key)
        assert str(caught.value) == "invalid credentials"

    # The unknown email's key was verified too, so both failures take as long.
    assert auth.keys.verified == ["hashed:" + created.api_key, None]
    assert auth.store.refresh_tokens == {}


async def test_an_email_holding_a_nul_is_refused_before_any_lookup() -> None:
    auth = Auth()
    created = await auth.register("shop@example.com")

    with pytest.raises(InvalidCredentials, match="invalid credentials"):
        await auth.sign_in("shop@example.com\x00", created.api_key)

    assert auth.keys.verified == [] and auth.store.open_units == 0
