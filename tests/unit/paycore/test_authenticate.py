"""Authenticate: an access token in force, of an existing merchant and a live login."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.auth import RecentSignIns
from paycore.errors import InvalidToken
from paycore.token_claims import TokenPair
from tests.unit.paycore.auth_fakes import Auth

REFUSED = "the token's merchant does not exist or its login was revoked"


async def signed_in(auth: Auth) -> TokenPair:
    created = await auth.register("shop@example.com")
    return await auth.sign_in("shop@example.com", created.api_key)


async def test_an_access_token_names_its_merchant() -> None:
    auth = Auth()
    pair = await signed_in(auth)

    merchant = await auth.authenticate(pair.access.token)

    assert merchant == next(iter(auth.store.merchants.values()))


async def test_a_gone_merchant_or_a_revoked_login_is_refused() -> None:
    auth = Auth()
    pair = await signed_in(auth)
    merchants = dict(auth.store.merchants)
    auth.store.merchants.clear()
    with pytest.raises(InvalidToken) as gone:
        await auth.authenticate(pair.access.token)

    auth.store.merchants.update(merchants)
    jti = pair.refresh.jti
    auth.store.refresh_tokens[jti] = replace(auth.store.refresh_tokens[jti], revoked=True)
    with pytest.raises(InvalidToken) as revoked:
        await auth.authenticate(pair.access.token)

    assert str(gone.value) == str(revoked.value) == REFUSED


async def test_a_token_is_in_force_until_its_expiry_second() -> None:
    auth = Auth()
    pair = await signed_in(auth)
    auth.clock.advance(pair.access.expires_at - auth.clock.now() - timedelta(microseconds=1))
    assert await auth.authenticate(pair.access.token)

    auth.clock.advance(timedelta(microseconds=1))
    with pytest.raises(InvalidToken) as caught:
        await auth.authenticate(pair.access.token)

    assert str(caught.value) == "token expired"


@pytest.mark.parametrize("which", ["refresh", "untyped"])
async def test_only_an_access_token_authenticates(which: str) -> None:
    auth = Auth()
    pair = await signed_in(auth)
    claims = auth.codec.decode(pair.refresh.token)
    token = (
        pair.refresh.token if which == "refresh" else auth.codec.encode(replace(claims, type=None))
    )

    with pytest.raises(InvalidToken) as caught:
        await auth.authenticate(token)

    assert str(caught.value) == "not an access token"


async def test_time_is_judged_before_the_type() -> None:
    auth = Auth()
    pair = await signed_in(auth)
    auth.clock.advance(timedelta(days=8))

    with pytest.raises(InvalidToken) as caught:
        await auth.authenticate(pair.refresh.token)

    assert str(caught.value) == "token expired"


async def test_a_token_before_its_time_is_refused() -> None:
    auth = Auth()
    pair = await signed_in(auth)
    auth.clock.advance(timedelta(seconds=-1))

    with pytest.raises(InvalidToken) as caught:
        await auth.authenticate(pair.access.token)

    assert str(caught.value) == "token not yet valid"


async def test_what_the_codec_refuses_stays_refused() -> None:
    with pytest.raises(InvalidToken, match="not one of ours"):
        await Auth().authenticate("forged")


class Monotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def remembering(max_age: float = 1.0) -> tuple[Auth, Monotonic]:
    seconds = Monotonic()
    return Auth(recent=RecentSignIns(max_age, monotonic=seconds)), seconds


async def test_a_remembered_login_is_let_in_without_a_read_until_the_bound() -> None:
    auth, seconds = remembering(max_age=1.0)
    pair = await signed_in(auth)
    await auth.authenticate(pair.access.token)  # read, then remembered
    auth.store.merchants.clear()  # the merchant is removed by another process

    seconds.now += 0.999
    assert await auth.authenticate(pair.access.token)  # within the bound: no read

    seconds.now += 0.001
    with pytest.raises(InvalidToken) as caught:
        await auth.authenticate(pair.access.token)
    assert str(caught.value) == REFUSED


async def test_a_login_revoked_here_is_refused_at_once_though_remembered() -> None:
    auth, _ = remembering(max_age=60.0)
    pair = await signed_in(auth)
    await auth.authenticate(pair.access.token)
    rotated = await auth.refresh(pair.refresh.token)
    assert await auth.authenticate(rotated.tokens.access.token)

    with pytest.raises(InvalidToken):
        await auth.refresh(pair.refresh.token)  # reused: the login is revoked

    with pytest.raises(InvalidToken) as caught:
        await auth.authenticate(rotated.tokens.access.token)
    assert str(caught.value) == REFUSED


async def test_a_refused_token_is_never_remembered() -> None:
    auth, _ = remembering(max_age=60.0)
    pair = await signed_in(auth)
    merchants = dict(auth.store.merchants)
    auth.store.merchants.clear()
    with pytest.raises(InvalidToken):
        await auth.authenticate(pair.access.token)

    auth.store.merchants.update(merchants)
    assert await auth.authenticate(pair.access.token)


async def test_requests_that_miss_together_read_the_store_once() -> None:
    """When a remembered login expires, the requests in flight share one read."""
    auth, seconds = remembering(max_age=1.0)
    pair = await signed_in(auth)
    reads = 0

    @asynccontextmanager
    async def slow_unit() -> AsyncIterator[object]:
        nonlocal reads
        reads += 1
        await asyncio.sleep(0)  # a real store's read lets the other requests run
        async with auth.store.unit_of_work() as uow:
            yield uow

    authenticate = replace(auth.authenticate, uow=slow_unit)
    await authenticate(pair.access.token)
    seconds.now += 1.0  # forgotten

    found = await asyncio.gather(*(authenticate(pair.access.token) for _ in range(16)))

    assert len({m.id for m in found}) == 1 and reads == 2
