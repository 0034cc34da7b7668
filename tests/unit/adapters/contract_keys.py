"""The contract of API keys, disabled merchants and retention purges: every storage adapter
must pass it (mixed into the storage test classes, which provide `database`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest

from paycore.api_key import ApiKey
from paycore.ports import UnitOfWork
from tests.unit.adapters.builders import T0, claim, merchant, new_id, refresh_token

UowFactory = Callable[[], UnitOfWork]
LATER = T0 + timedelta(hours=1)


def api_key(merchant_id: str, *, created_at=T0, **fields) -> ApiKey:
    key = ApiKey(new_id(), merchant_id, "hash-" + new_id(), "sk_", "abcd", created_at)
    return replace(key, **fields)


async def stored_merchant(new_uow: UowFactory, email: str = "shop@example.com", *keys):
    m = merchant(email)
    async with new_uow() as uow:
        await uow.merchants.add(m)
        for make in keys:
            await uow.api_keys.add(make(m.id))
        await uow.commit()
    return m


class KeysContract:
    @pytest.fixture
    def keys_uow(self, database) -> UowFactory:
        return database.unit_of_work

    async def test_keys_read_back_active_only_oldest_first(self, keys_uow: UowFactory) -> None:
        m = await stored_merchant(keys_uow)
        newer = api_key(m.id, created_at=T0 + timedelta(seconds=1), last4=None, prefix="pk_")
        older = api_key(m.id, expires_at=LATER)
        gone = api_key(m.id, revoked_at=T0)
        async with keys_uow() as uow:
            for key in (newer, older, gone):
                await uow.api_keys.add(key)
            await uow.commit()
        async with keys_uow() as uow:
            assert await uow.api_keys.active_for(m.id, T0) == [older, newer]
            assert await uow.api_keys.active_for(m.id, LATER) == [newer]
            assert await uow.api_keys.active_for_email("SHOP@example.com", T0) == [older, newer]
            assert await uow.api_keys.active_for_email("nobody@example.com", T0) == []
            assert await uow.api_keys.active_for(new_id(), T0) == []
            assert await uow.api_keys.active_for("not-a-uuid", T0) == []

    async def test_revoking_and_expiring_never_bring_a_key_back(self, keys_uow: UowFactory) -> None:
        m = await stored_merchant(keys_uow)
        revoked = api_key(m.id)
        expiring = api_key(m.id, created_at=T0 + timedelta(microseconds=1), expires_at=LATER)
        async with keys_uow() as uow:
            await uow.api_keys.add(revoked)
            await uow.api_keys.add(expiring)
            await uow.commit()
        async with keys_uow() as uow:
            await uow.api_keys.revoke(revoked.id, T0)
            await uow.api_keys.revoke(revoked.id, LATER)  # the first revocation stays
            await uow.api_keys.expire(expiring.id, LATER + timedelta(days=1))  # not later
            await uow.commit()
        async with keys_uow() as uow:
            before = T0 - timedelta(seconds=1)
            assert await uow.api_keys.active_for(m.id, before) == [
                replace(revoked, revoked_at=T0), expiring
            ]  # fmt: skip
            assert await uow.api_keys.active_for(m.id, T0) == [expiring]
            await uow.api_keys.expire(expiring.id, T0 + timedelta(minutes=1))
            await uow.commit()
        async with keys_uow() as uow:
            assert await uow.api_keys.active_for(m.id, T0 + timedelta(minutes=1)) == []

    async def test_a_disabled_merchant_has_no_keys_and_no_logins(
        self, keys_uow: UowFactory
    ) -> None:
        m = await stored_merchant(keys_uow, "shop@example.com", api_key)
        login = refresh_token(merchant_id=m.id)
        async with keys_uow() as uow:
            await uow.refresh_tokens.add(login)
            await uow.merchants.disable(m.id, T0)
            await uow.commit()
        async with keys_uow() as uow:
            await uow.merchants.disable(m.id, LATER)
            await uow.commit()
        async with keys_uow() as uow:
            assert (await uow.merchants.get(m.id)) == replace(m, disabled_at=T0)
            assert await uow.api_keys.active_for_email(m.email, T0) == []
            assert await uow.merchants.get_signed_in(m.id, login.family_id, T0) is None

    async def test_a_login_ends_with_the_key_that_opened_it(self, keys_uow: UowFactory) -> None:
        m = await stored_merchant(keys_uow)
        key = api_key(m.id, expires_at=LATER)
        login = replace(refresh_token(merchant_id=m.id), api_key_id=key.id)
        keyless = refresh_token(merchant_id=m.id)  # a login from before keys were tracked
        async with keys_uow() as uow:
            await uow.api_keys.add(key)
            await uow.refresh_tokens.add(login)
            await uow.refresh_tokens.add(keyless)
            await uow.commit()
        async with keys_uow() as uow:
            assert await uow.refresh_tokens.get(login.jti) == login
            assert await uow.merchants.get_signed_in(m.id, login.family_id, T0) == m
            assert await uow.merchants.get_signed_in(m.id, login.family_id, LATER) is None
            assert await uow.merchants.get_signed_in(m.id, keyless.family_id, LATER) == m

    async def test_purges_take_only_what_is_due_in_bounded_batches(
        self, database, keys_uow: UowFactory
    ) -> None:
        merchant_id = new_id()
        old = [claim(merchant_id, f"old-{n}", new_id()) for n in range(3)]
        fresh = replace(claim(merchant_id, "fresh", new_id()), created_at=LATER)
        expired = replace(refresh_token(), expires_at=T0)
        used, live = replace(refresh_token(), used=True), refresh_token()
        revoked_used = replace(refresh_token(), used=True, revoked=True)
        async with keys_uow() as uow:
            for record in (*old, fresh):
                assert await uow.idempotency.claim(record) is None
            for token in (expired, used, live, revoked_used):
                await uow.refresh_tokens.add(token)
            await uow.commit()

        retention = database.retention
        assert await retention.purge_idempotency_keys(LATER, 2) == 2
        assert await retention.purge_idempotency_keys(LATER, 2) == 1
        assert await retention.purge_idempotency_keys(LATER, 2) == 0
        assert await retention.purge_refresh_tokens(T0, 10) == 2

        async with keys_uow() as uow:
            assert await uow.idempotency.claim(replace(old[0], payment_id=new_id())) is None
            assert await uow.idempotency.claim(replace(fresh, payment_id=new_id())) == fresh
            assert await uow.refresh_tokens.get(expired.jti) is None
            assert await uow.refresh_tokens.get(used.jti) is None
            assert await uow.refresh_tokens.get(live.jti) == live
            # A revoked login's rows are what refuse its tokens: kept until they expire.
            assert await uow.refresh_tokens.get(revoked_used.jti) == revoked_used
