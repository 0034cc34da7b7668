"""Authenticate: the merchant an access token speaks for, on every authenticated request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from paycore.auth_ports import RecentSignIns, TokenCodec
from paycore.errors import InvalidToken
from paycore.merchant import Merchant
from paycore.ports import Clock, UnitOfWorkFactory
from paycore.token_claims import TokenClaims, TokenType, in_force


@dataclass(frozen=True, slots=True, kw_only=True)
class Authenticate:
    uow: UnitOfWorkFactory
    codec: TokenCodec
    clock: Clock
    recent: RecentSignIns | None = None

    async def __call__(self, access_token: str) -> Merchant:
        """The token's merchant, if the token is in force, the merchant exists and is not
        disabled, and the login it descends from was not revoked (a refresh token's reuse
        revokes it) nor opened with a key since revoked or expired."""
        now = self.clock.now()
        claims = in_force(self.codec.decode(access_token), TokenType.ACCESS, now)
        if self.recent is None:
            merchant = await self._signed_in(claims, now)
        else:
            merchant = await self.recent.recall_or_read(
                claims.merchant_id, claims.family_id, lambda: self._signed_in(claims, now)
            )
        if merchant is None:
            raise InvalidToken("the token's merchant does not exist or its login was revoked")
        return merchant

    async def _signed_in(self, claims: TokenClaims, now: datetime) -> Merchant | None:
        # One read answers both questions: this runs before every authenticated request
        # whose login is not remembered.
        async with self.uow() as uow:
            return await uow.merchants.get_signed_in(claims.merchant_id, claims.family_id, now)
