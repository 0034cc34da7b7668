"""SignIn: an email and one of its active API keys open a new login, answered with its
first token pair."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from paycore.api_key import ApiKey
from paycore.auth_ports import ApiKeys
from paycore.errors import InvalidCredentials
from paycore.ports import Clock, IdGenerator, UnitOfWorkFactory
from paycore.token_claims import TokenPair
from paycore.use_cases.token_issuance import TokenIssuer


@dataclass(frozen=True, slots=True, kw_only=True)
class SignIn:
    uow: UnitOfWorkFactory
    keys: ApiKeys
    issuer: TokenIssuer
    ids: IdGenerator
    clock: Clock

    async def __call__(self, email: str, api_key: str) -> TokenPair:
        if "\x00" in email:  # no stored email holds one; PostgreSQL could not compare it
            raise InvalidCredentials("invalid credentials")
        async with self.uow() as uow:
            # One read, whether the email is unknown, disabled or has keys.
            candidates = await uow.api_keys.active_for_email(email.strip(), self.clock.now())
            key = self._matching(api_key, candidates)
            if key is None:
                raise InvalidCredentials("invalid credentials")
            tokens = await self.issuer.issue(
                uow, key.merchant_id, family_id=self.ids.new_id(), api_key_id=key.id
            )
            await uow.commit()
        return tokens

    def _matching(self, api_key: str, candidates: Sequence[ApiKey]) -> ApiKey | None:
        # Every candidate is compared (no early exit), and an email without keys still
        # costs one comparison, so timing tells nothing about which part was wrong.
        if not candidates:
            self.keys.verify(api_key, None)
            return None
        matches = [key for key in candidates if self.keys.verify(api_key, key.hash)]
        return matches[0] if matches else None
