"""RefreshSession: a refresh token buys a new pair once; its reuse revokes the login.

Presenting a used refresh token means it leaked (or was replayed), so every token of that
login (its family) is revoked and the caller must sign in again. A genuine token that is
no longer stored was purged after its use, so it counts as a reuse too.
"""

from __future__ import annotations

from dataclasses import dataclass

from paycore.auth_ports import RecentSignIns, RefreshTokenUses, TokenCodec
from paycore.errors import InvalidCredentials, InvalidToken
from paycore.merchant import Merchant
from paycore.ports import Clock, UnitOfWorkFactory
from paycore.token_claims import TokenPair, TokenType, in_force
from paycore.use_cases.token_issuance import TokenIssuer


@dataclass(frozen=True, slots=True)
class RefreshedSession:
    tokens: TokenPair
    merchant: Merchant


@dataclass(frozen=True, slots=True, kw_only=True)
class RefreshSession:
    uow: UnitOfWorkFactory
    uses: RefreshTokenUses
    codec: TokenCodec
    issuer: TokenIssuer
    clock: Clock
    recent: RecentSignIns | None = None

    async def __call__(self, token: str, email: str | None = None) -> RefreshedSession:
        """A new pair for a current refresh token; `email`, when given, must be its owner's."""
        now = self.clock.now()
        claims = in_force(self.codec.decode(token), TokenType.REFRESH, now)
        async with self.uow() as uow:
            # None also when the login was revoked, the merchant disabled or the key retired.
            merchant = await uow.merchants.get_signed_in(claims.merchant_id, claims.family_id, now)
            stored = await uow.refresh_tokens.get(claims.jti)
        if merchant is None:
            raise InvalidToken("refresh token revoked or unknown")
        if email is not None and email.strip().casefold() != merchant.email.casefold():
            raise InvalidCredentials("invalid credentials")
        # Marked outside any unit of work: it commits by itself, and a refresh never holds
        # two store connections at once.
        if stored is None or not await self.uses.mark_used(claims.jti):
            async with self.uow() as uow:
                await uow.refresh_tokens.revoke_family(claims.family_id)
                await uow.commit()
            if self.recent is not None:
                await self.recent.forget_login(claims.family_id)  # refused here from now on
            raise InvalidToken("refresh token reused: every token of this login is revoked")
        async with self.uow() as uow:
            tokens = await self.issuer.issue(
                uow, merchant.id, family_id=stored.family_id, api_key_id=stored.api_key_id
            )
            await uow.commit()
        return RefreshedSession(tokens, merchant)
