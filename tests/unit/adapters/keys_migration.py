"""What migration 0006 must keep: a merchant's one `pk_` key, created before keys had a
table of their own, still signs in afterwards; the logins it opened stay tied to it."""

from __future__ import annotations

from adapters.auth import Sha256ApiKeys
from tests.unit.adapters.builders import T0, new_id

OLD_KEY = "pk_" + "o" * 43
BEFORE_KEYS = "0005_payment_lifecycle"


def old_rows() -> tuple[str, str, str]:
    """(merchant id, its old key's hash, a refresh token's jti) as 0005 stored them."""
    return new_id(), Sha256ApiKeys().hash(OLD_KEY), new_id()


async def check_old_key_survives(uow_factory, merchant_id: str, jti: str) -> None:
    async with uow_factory() as uow:
        (key,) = await uow.api_keys.active_for_email("old@example.com", T0)
        token = await uow.refresh_tokens.get(jti)
        merchant = await uow.merchants.get(merchant_id)
    assert (key.id, key.merchant_id, key.prefix, key.last4) == (
        merchant_id,
        merchant_id,
        "pk_",
        None,
    )
    assert Sha256ApiKeys().verify(OLD_KEY, key.hash)
    assert token is not None and token.api_key_id == merchant_id
    assert merchant is not None and merchant.disabled_at is None
