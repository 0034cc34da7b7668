"""A merchant's API keys: rotation with and without overlap, revocation, disabling.

Time is a ManualClock: an overlap ends when the test moves the clock, not after a sleep.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.auth import RecentSignIns
from paycore.errors import (
    ApiKeyNotFound,
    InvalidCredentials,
    InvalidToken,
    LastActiveKey,
    MerchantNotFound,
)
from paycore.use_cases.key_issuance import prefix_of
from tests.unit.paycore.auth_fakes import Auth

EMAIL = "shop@example.com"


async def test_a_rotation_without_overlap_retires_the_old_key_and_its_logins_at_once() -> None:
    auth = Auth(recent=RecentSignIns(60.0))
    old_key = (await auth.register(EMAIL)).api_key
    old_login = await auth.sign_in(EMAIL, old_key)
    await auth.authenticate(old_login.access.token)  # remembered for a minute

    new_key = (await auth.rotate_key(EMAIL)).secret

    with pytest.raises(InvalidCredentials):
        await auth.sign_in(EMAIL, old_key)
    with pytest.raises(InvalidToken):
        await auth.authenticate(old_login.access.token)
    with pytest.raises(InvalidToken):
        await auth.refresh(old_login.refresh.token)
    new_login = await auth.sign_in(EMAIL, new_key)
    assert (await auth.authenticate(new_login.access.token)).email == EMAIL


async def test_a_rotation_with_overlap_keeps_the_old_key_until_it_ends() -> None:
    auth = Auth()
    old_key = (await auth.register(EMAIL)).api_key
    old_login = await auth.sign_in(EMAIL, old_key)

    issued = await auth.rotate_key(EMAIL, keep_old_for=timedelta(hours=1))

    merchant_id = issued.key.merchant_id
    listed = await auth.list_keys(merchant_id)
    assert [k.expires_at for k in listed] == [auth.clock.now() + timedelta(hours=1), None]
    auth.clock.advance(timedelta(minutes=59))
    during = await auth.sign_in(EMAIL, old_key)
    await auth.authenticate(during.access.token)
    await auth.refresh(old_login.refresh.token)

    auth.clock.advance(timedelta(minutes=1))
    with pytest.raises(InvalidCredentials):
        await auth.sign_in(EMAIL, old_key)
    with pytest.raises(InvalidToken):
        await auth.authenticate(during.access.token)
    assert [k.id for k in await auth.list_keys(merchant_id)] == [issued.key.id]
    await auth.sign_in(EMAIL, issued.secret)


async def test_a_second_rotation_never_extends_an_overlap() -> None:
    auth = Auth()
    first = (await auth.register(EMAIL)).api_key
    await auth.rotate_key(EMAIL, keep_old_for=timedelta(minutes=5))

    await auth.rotate_key(EMAIL, keep_old_for=timedelta(hours=1))

    auth.clock.advance(timedelta(minutes=5))
    with pytest.raises(InvalidCredentials):
        await auth.sign_in(EMAIL, first)


async def test_keys_are_created_listed_and_revoked_by_their_merchant_only() -> None:
    auth = Auth(recent=RecentSignIns(60.0))
    merchant = (await auth.register(EMAIL)).merchant
    other = (await auth.register("other@example.com")).merchant
    extra = await auth.create_key(merchant.id)
    login = await auth.sign_in(EMAIL, extra.secret)
    await auth.authenticate(login.access.token)

    listed = await auth.list_keys(merchant.id)
    with pytest.raises(ApiKeyNotFound):
        await auth.revoke_key(other.id, extra.key.id)
    revoked = await auth.revoke_key(merchant.id, extra.key.id)

    assert [k.id for k in listed][-1] == extra.key.id and len(listed) == 2
    assert revoked.revoked_at == auth.clock.now()
    with pytest.raises(InvalidToken):
        await auth.authenticate(login.access.token)
    with pytest.raises(InvalidCredentials):
        await auth.sign_in(EMAIL, extra.secret)
    with pytest.raises(ApiKeyNotFound):
        await auth.revoke_key(merchant.id, extra.key.id)
    (last,) = await auth.list_keys(merchant.id)
    with pytest.raises(LastActiveKey):
        await auth.revoke_key(merchant.id, last.id)


async def test_a_disabled_merchant_can_neither_sign_in_nor_use_its_tokens() -> None:
    auth = Auth(recent=RecentSignIns(60.0))
    key = (await auth.register(EMAIL)).api_key
    login = await auth.sign_in(EMAIL, key)
    await auth.authenticate(login.access.token)

    disabled = await auth.disable(EMAIL)
    auth.clock.advance(timedelta(seconds=1))
    await auth.disable(EMAIL)  # a second time changes nothing

    assert auth.store.merchants[disabled.id].disabled_at == auth.clock.now() - timedelta(seconds=1)
    with pytest.raises(InvalidToken):
        await auth.authenticate(login.access.token)
    with pytest.raises(InvalidToken):
        await auth.refresh(login.refresh.token)
    with pytest.raises(InvalidCredentials):
        await auth.sign_in(EMAIL, key)


async def test_an_unknown_email_is_reported_to_the_operator() -> None:
    auth = Auth()
    with pytest.raises(MerchantNotFound):
        await auth.rotate_key(EMAIL)
    with pytest.raises(MerchantNotFound):
        await auth.disable(EMAIL)


async def test_without_a_memory_of_sign_ins_revocations_need_no_broadcast() -> None:
    auth = Auth()
    merchant = (await auth.register(EMAIL)).merchant
    extra = await auth.create_key(merchant.id)

    await auth.revoke_key(merchant.id, extra.key.id)
    await auth.rotate_key(EMAIL)
    await auth.disable(EMAIL)

    assert auth.store.merchants[merchant.id].disabled_at is not None


def test_a_key_is_known_by_its_kind() -> None:
    assert prefix_of("sk_abc") == "sk_" and prefix_of("pk_x_y") == "pk_"
    assert prefix_of("nokind") == ""
