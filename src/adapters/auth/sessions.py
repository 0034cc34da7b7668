"""Merchant sessions: log in with an API key, rotate refresh tokens, check access tokens.

A refresh token works once. Presenting a used one means it leaked (or was replayed), so
every token of that login (its family) is revoked and the caller must log in again.
"""

from __future__ import annotations

from dataclasses import dataclass

from adapters.auth.api_keys import api_key_matches
from adapters.auth.errors import InvalidToken
from adapters.auth.tokens import IssuedToken, JwtCodec, TokenType
from paycore.errors import InvalidCredentials
from paycore.merchant import Merchant
from paycore.ports import IdGenerator, RefreshTokenUses, UnitOfWork, UnitOfWorkFactory
from paycore.refresh_token import RefreshToken


@dataclass(frozen=True, slots=True)
class TokenPair:
    access: IssuedToken
    refresh: IssuedToken


@dataclass(frozen=True, slots=True)
class RefreshedSession:
    tokens: TokenPair
    merchant: Merchant


class MerchantSessions:
    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        refresh_token_uses: RefreshTokenUses,
        codec: JwtCodec,
        ids: IdGenerator,
    ) -> None:
        self._uow = uow
        self._refresh_token_uses = refresh_token_uses
        self._codec = codec
        self._ids = ids

    async def log_in(self, email: str, api_key: str) -> TokenPair:
        if "\x00" in email:  # no stored email holds one; PostgreSQL could not compare it
            raise InvalidCredentials("invalid credentials")
        async with self._uow() as uow:
            merchant = await uow.merchants.get_by_email(email.strip())
            stored_hash = merchant.api_key_hash if merchant is not None else None
            if merchant is None or not api_key_matches(api_key, stored_hash):
                raise InvalidCredentials("invalid credentials")
            tokens = await self._issue(uow, merchant.id, family_id=self._ids.new_id())
            await uow.commit()
        return tokens

    async def refresh(self, token: str, email: str | None = None) -> RefreshedSession:
        claims = self._codec.decode(token, TokenType.REFRESH)
        async with self._uow() as uow:
            merchant = await uow.merchants.get(claims.merchant_id)
            stored = await uow.refresh_tokens.get(claims.jti)
            if merchant is None or stored is None or stored.revoked:
                raise InvalidToken("refresh token revoked or unknown")
            if email is not None and email.strip().casefold() != merchant.email.casefold():
                raise InvalidCredentials("invalid credentials")
            if not await self._refresh_token_uses.mark_used(claims.jti):
                await uow.refresh_tokens.revoke_family(stored.family_id)
                await uow.commit()
                reused = True
            else:
                tokens = await self._issue(uow, merchant.id, family_id=stored.family_id)
                await uow.commit()
                reused = False
        if reused:
            raise InvalidToken("refresh token reused: every token of this login is revoked")
        return RefreshedSession(tokens, merchant)

    async def authenticate(self, access_token: str) -> Merchant:
        """The merchant an access token belongs to, if it is valid, the merchant exists and
        the login it descends from was not revoked (a refresh token's reuse revokes it)."""
        claims = self._codec.decode(access_token, TokenType.ACCESS)
        async with self._uow() as uow:
            merchant = await uow.merchants.get_signed_in(claims.merchant_id, claims.family_id)
        if merchant is None:
            raise InvalidToken("the token's merchant does not exist or its login was revoked")
        return merchant

    async def _issue(self, uow: UnitOfWork, merchant_id: str, family_id: str) -> TokenPair:
        access = self._codec.issue(merchant_id, TokenType.ACCESS, family_id=family_id)
        refresh = self._codec.issue(merchant_id, TokenType.REFRESH, family_id=family_id)
        await uow.refresh_tokens.add(
            RefreshToken(refresh.jti, family_id, merchant_id, refresh.expires_at)
        )
        return TokenPair(access, refresh)
