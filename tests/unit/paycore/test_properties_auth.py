"""Properties of refresh-token rotation and reuse detection, against a model of a login."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycore.errors import InvalidToken
from paycore.token_claims import TokenPair
from tests.unit.paycore.auth_fakes import Auth
from tests.unit.paycore.strategies import PROPERTY

# Each draw picks one of the login's refresh tokens issued so far (modulo their number).
presentations = st.lists(st.integers(min_value=0, max_value=1_000), min_size=1, max_size=12)


async def two_logins(auth: Auth) -> tuple[TokenPair, TokenPair]:
    created = await auth.register("shop@example.com")
    first = await auth.sign_in("shop@example.com", created.api_key)
    return first, await auth.sign_in("shop@example.com", created.api_key)


@PROPERTY
@given(presentations)
async def test_only_the_newest_token_rotates_and_any_reuse_ends_the_login(
    picks: list[int],
) -> None:
    auth = Auth()
    login, bystander = await two_logins(auth)
    issued = [login]
    revoked = False

    for pick in picks:
        presented = issued[pick % len(issued)]
        newest = presented is issued[-1]
        if newest and not revoked:
            issued.append((await auth.refresh(presented.refresh.token)).tokens)
            continue
        expected = "revoked or unknown" if revoked else "reused"
        with pytest.raises(InvalidToken, match=expected):
            await auth.refresh(presented.refresh.token)
        revoked = True

    for pair in issued:
        if revoked:
            with pytest.raises(InvalidToken, match="login was revoked"):
                await auth.authenticate(pair.access.token)
        else:
            assert await auth.authenticate(pair.access.token)
    assert await auth.authenticate(bystander.access.token)
    family = auth.codec.decode(login.refresh.token).family_id
    stored = auth.store.refresh_tokens.values()
    assert len(stored) == len(issued) + 1
    assert all(token.revoked is (revoked and token.family_id == family) for token in stored)


@PROPERTY
@given(st.integers(min_value=-3_600_000_000, max_value=3_600_000_000))
async def test_an_access_token_is_in_force_from_its_issue_to_its_expiry(
    offset_us: int,
) -> None:
    auth = Auth()
    login, _ = await two_logins(auth)
    claims = auth.codec.decode(login.access.token)
    auth.clock.advance(timedelta(microseconds=offset_us))
    now = auth.clock.now()

    if claims.valid_from <= now < claims.expires_at:
        assert await auth.authenticate(login.access.token)
    else:
        with pytest.raises(InvalidToken, match="expired" if now >= claims.expires_at else "yet"):
            await auth.authenticate(login.access.token)
