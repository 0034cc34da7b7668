"""RefreshSession: a refresh token works once; presenting it again revokes its login."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from paycore.errors import InvalidCredentials, InvalidToken
from paycore.token_claims import TokenPair
from tests.unit.paycore.auth_fakes import Auth


async def signed_in(auth: Auth, email: str = "shop@example.com") -> TokenPair:
    created = await auth.register(email)
    return await auth.sign_in(email, created.api_key)


async def test_a_refresh_rotates_the_pair_within_the_login() -> None:
    auth = Auth()
    pair = await signed_in(auth)

    session = await auth.refresh(pair.refresh.token)

    assert session.merchant.email == "shop@example.com"
    old, new = (auth.codec.decode(t.refresh.token) for t in (pair, session.tokens))
    assert new.jti != old.jti and new.family_id == old.family_id
    assert auth.store.refresh_tokens[old.jti].used
    assert not auth.store.refresh_tokens[new.jti].used
    assert (await auth.authenticate(session.tokens.access.token)).email == "shop@example.com"


async def test_a_used_token_presented_again_revokes_its_login_only() -> None:
    auth = Auth()
    pair = await signed_in(auth)
    other = await auth.sign_in("shop@example.com", "key-1")
    rotated = await auth.refresh(pair.refresh.token)

    with pytest.raises(InvalidToken) as caught:
        await auth.refresh(pair.refresh.token)

    assert str(caught.value) == "refresh token reused: every token of this login is revoked"
    family = auth.codec.decode(pair.refresh.token).family_id
    for token in auth.store.refresh_tokens.values():
        assert token.revoked is (token.family_id == family)
    with pytest.raises(InvalidToken, match="revoked or unknown"):
        await auth.refresh(rotated.tokens.refresh.token)
    assert (await auth.refresh(other.refresh.token)).tokens.refresh.token


async def test_the_use_is_marked_while_no_unit_of_work_is_open() -> None:
    auth = Auth()
    pair = await signed_in(auth)

    await auth.refresh(pair.refresh.token)
    with pytest.raises(InvalidToken, match="reused"):
        await auth.refresh(pair.refresh.token)

    assert auth.uses.open_units_seen == [0, 0]


async def test_a_use_the_port_refuses_is_a_reuse() -> None:
    """The separate port decides, even when the store still holds the token unused."""
    auth = Auth()
    pair = await signed_in(auth)
    auth.uses.marked_elsewhere.add(pair.refresh.jti)

    with pytest.raises(InvalidToken, match="reused"):
        await auth.refresh(pair.refresh.token)

    assert all(token.revoked for token in auth.store.refresh_tokens.values())


@pytest.mark.parametrize("gone", ["merchant", "revoked"])
async def test_a_token_without_its_merchant_or_record_is_refused(gone: str) -> None:
    auth = Auth()
    pair = await signed_in(auth)
    jti = pair.refresh.jti
    if gone == "merchant":
        auth.store.merchants.clear()
    else:
        auth.store.refresh_tokens[jti] = replace(auth.store.refresh_tokens[jti], revoked=True)

    with pytest.raises(InvalidToken) as caught:
        await auth.refresh(pair.refresh.token)

    assert str(caught.value) == "refresh token revoked or unknown"
    assert auth.uses.open_units_seen == []


async def test_a_genuine_token_purged_after_its_use_counts_as_a_reuse() -> None:
    """Used tokens are purged; presenting one later must still end its login."""
    auth = Auth()
    pair = await signed_in(auth)
    renewed = (await auth.refresh(pair.refresh.token)).tokens
    del auth.store.refresh_tokens[pair.refresh.jti]

    with pytest.raises(InvalidToken, match="reused"):
        await auth.refresh(pair.refresh.token)

    assert auth.store.refresh_tokens[renewed.refresh.jti].revoked
    with pytest.raises(InvalidToken):
        await auth.authenticate(renewed.access.token)


async def test_another_merchants_email_is_refused_and_the_token_kept() -> None:
    auth = Auth()
    pair = await signed_in(auth)

    with pytest.raises(InvalidCredentials, match="invalid credentials"):
        await auth.refresh(pair.refresh.token, email="other@example.com")

    assert not auth.store.refresh_tokens[pair.refresh.jti].used
    session = await auth.refresh(pair.refresh.token, email=" SHOP@example.com ")
    assert session.merchant.email == "shop@example.com"


@pytest.mark.parametrize(
    ("advance", "reason"),
    [(timedelta(days=7), "token expired"), (timedelta(seconds=-1), "token not yet valid")],
)
async def test_a_refresh_token_out_of_its_time_is_refused(advance: timedelta, reason: str) -> None:
    auth = Auth()
    pair = await signed_in(auth)
    auth.clock.advance(advance)

    with pytest.raises(InvalidToken) as caught:
        await auth.refresh(pair.refresh.token)

    assert str(caught.value) == reason


async def test_an_access_token_is_no_refresh_token() -> None:
    auth = Auth()
    pair = await signed_in(auth)

    with pytest.raises(InvalidToken) as caught:
        await auth.refresh(pair.access.token)

    assert str(caught.value) == "not an refresh token"
