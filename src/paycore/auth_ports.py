"""What merchant authentication needs from the outside world, as structural protocols."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from paycore.merchant import Merchant
from paycore.token_claims import TokenClaims


class TokenCodec(Protocol):
    def encode(self, claims: TokenClaims) -> str:
        """The claims as a signed token string."""
        ...

    def decode(self, token: str) -> TokenClaims:
        """The claims of a genuine, well-formed token; InvalidToken otherwise.

        Whether the token is current and of the wanted type is the caller's to judge.
        """
        ...


class ApiKeys(Protocol):
    def generate(self) -> str:
        """A fresh, unguessable API key."""
        ...

    def hash(self, api_key: str) -> str:
        """What is stored instead of the key: the key cannot be recovered from it."""
        ...

    def verify(self, api_key: str, stored_hash: str | None) -> bool:
        """Whether the key is the one `stored_hash` was made from, in constant time.

        None (no merchant has the email) takes as long and is never a match, so a
        caller cannot tell an unknown email from a wrong key.
        """
        ...


class RefreshTokenUses(Protocol):
    async def mark_used(self, jti: str) -> bool:
        """Atomically mark an unused, unrevoked refresh token used, committing at once;
        False if it already was used or revoked, or is unknown."""
        ...


# Asks the store whether a login is signed in: its merchant, or None.
LoginRead = Callable[[], Awaitable[Merchant | None]]


class RecentSignIns(Protocol):
    """A short memory of logins found signed in, so that authentication need not read the
    store on every request; each answer is kept at most a bounded time (the staleness
    bound: a revoked login or a removed merchant is refused at the latest after it)."""

    async def recall_or_read(
        self, merchant_id: str, login_id: str, read: LoginRead
    ) -> Merchant | None:
        """The merchant of a login found signed in within the bound; otherwise `read`'s
        answer (None: not signed in), remembered if positive. Callers missing together may
        share one read, begun no earlier than the last revocation here."""
        ...

    async def forget_login(self, login_id: str) -> None:
        """Drop what is remembered of a login (it was just revoked), in this process and,
        where processes share a message broker, in the others too."""
        ...

    async def forget_merchant(self, merchant_id: str) -> None:
        """Drop every remembered login of a merchant (disabled, or a key revoked), here and,
        where processes share a message broker, in the others too."""
        ...
