"""Issuing a login's token pair: the refresh token is remembered so it works only once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from paycore.auth_ports import TokenCodec
from paycore.ports import Clock, IdGenerator, UnitOfWork
from paycore.refresh_token import RefreshToken
from paycore.token_claims import IssuedToken, TokenClaims, TokenLifetimes, TokenPair, TokenType


@dataclass(frozen=True, slots=True, kw_only=True)
class TokenIssuer:
    codec: TokenCodec
    clock: Clock
    ids: IdGenerator
    lifetimes: TokenLifetimes

    async def issue(
        self, uow: UnitOfWork, merchant_id: str, family_id: str, api_key_id: str | None = None
    ) -> TokenPair:
        """A new pair of the login `family_id` (opened with `api_key_id`), its refresh
        token staged in `uow`."""
        now = self.clock.now()
        access = self._token(TokenType.ACCESS, merchant_id, family_id, now, self.lifetimes.access)
        refresh = self._token(
            TokenType.REFRESH, merchant_id, family_id, now, self.lifetimes.refresh
        )
        await uow.refresh_tokens.add(
            RefreshToken(
                refresh.jti, family_id, merchant_id, refresh.expires_at, api_key_id=api_key_id
            )
        )
        return TokenPair(access, refresh)

    def _token(
        self,
        token_type: TokenType,
        merchant_id: str,
        family_id: str,
        now: datetime,
        lifetime: timedelta,
    ) -> IssuedToken:
        # Tokens carry whole seconds; truncating here keeps what is stored and answered
        # equal to what the token says.
        claims = TokenClaims(
            type=token_type,
            merchant_id=merchant_id,
            jti=self.ids.new_id(),
            family_id=family_id,
            valid_from=now.replace(microsecond=0),
            expires_at=(now + lifetime).replace(microsecond=0),
        )
        return IssuedToken(self.codec.encode(claims), claims.jti, claims.expires_at)
