"""RegisterMerchant: a new merchant and its API key, which is kept only as its hash."""

from __future__ import annotations

import pytest

from paycore.errors import InvalidEmail, MerchantExists
from paycore.merchant import Merchant
from tests.unit.paycore.auth_fakes import START, Auth


async def test_a_merchant_is_stored_with_the_hash_of_its_new_key() -> None:
    auth = Auth()

    created = await auth.register("  shop@example.com ")

    assert created.api_key == "key-1"
    assert created.merchant == Merchant(
        id="00000000-0000-7000-8000-000000000001",
        email="shop@example.com",
        created_at=START,
    )
    assert auth.store.merchants == {created.merchant.id: created.merchant}
    (key,) = auth.store.api_keys.values()
    assert (key.merchant_id, key.hash, key.last4) == (created.merchant.id, "hashed:key-1", "ey-1")


@pytest.mark.parametrize(
    "email",
    ["", "   ", "shop", "shop@example", "@example.com", "a b@example.com", "a@b@example.com",
     "nul\x00@example.com", "a@" + "e" * 249 + ".com"],
)  # fmt: skip
async def test_what_is_not_an_email_is_refused(email: str) -> None:
    auth = Auth()

    with pytest.raises(InvalidEmail):
        await auth.register(email)

    assert auth.store.merchants == {}


async def test_an_email_of_254_characters_is_accepted() -> None:
    email = "a@" + "e" * 248 + ".com"

    assert len(email) == 254
    assert (await Auth().register(email)).merchant.email == email


async def test_an_email_is_registered_once_whatever_its_case() -> None:
    auth = Auth()
    first = await auth.register("shop@example.com")

    with pytest.raises(MerchantExists):
        await auth.register("Shop@Example.com")

    assert auth.store.merchants == {first.merchant.id: first.merchant}
