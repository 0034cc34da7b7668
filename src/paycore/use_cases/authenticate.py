"""Authenticate: the merchant an access token speaks for, on every authenticated request."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.auth_ports import RecentSignIns, TokenCodec
from paycore.errors import InvalidToken
from paycore.merchant import Merchant
from paycore.ports import Clock, UnitOfWorkFactory
from paycore.token_claims import TokenType, in_force


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
        recent = self.recent
        if recent is not None:
            merchant = recent.recall(claims.merchant_id, claims.family_id)
            if merchant is not None:
                return merchant
        # One read answers both questions: this runs before every authenticated request
        # whose login is not remembered.
        async with self.uow() as uow:
            merchant = await uow.merchants.get_signed_in(claims.merchant_id, claims.family_id, now)
        if merchant is None:
            raise InvalidToken("the token's merchant does not exist or its login was revoked")
        if recent is not None:
            recent.remember(merchant, claims.family_id)
        return merchant
