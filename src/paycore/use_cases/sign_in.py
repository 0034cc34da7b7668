"""SignIn: an email and its API key open a new login, answered with its first token pair."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.auth_ports import ApiKeys
from paycore.errors import InvalidCredentials
from paycore.ports import IdGenerator, UnitOfWorkFactory
from paycore.token_claims import TokenPair
from paycore.use_cases.token_issuance import TokenIssuer


@dataclass(frozen=True, slots=True, kw_only=True)
class SignIn:
    uow: UnitOfWorkFactory
    keys: ApiKeys
    issuer: TokenIssuer
    ids: IdGenerator

    async def __call__(self, email: str, api_key: str) -> TokenPair:
        if "\x00" in email:  # no stored email holds one; PostgreSQL could not compare it
            raise InvalidCredentials("invalid credentials")
        async with self.uow() as uow:
            merchant = await uow.merchants.get_by_email(email.strip())
            stored_hash = merchant.api_key_hash if merchant is not None else None
            # Verified even for an unknown email, so both failures take as long.
            if not self.keys.verify(api_key, stored_hash) or merchant is None:
                raise InvalidCredentials("invalid credentials")
            tokens = await self.issuer.issue(uow, merchant.id, family_id=self.ids.new_id())
            await uow.commit()
        return tokens
