"""Merchant authentication wired to in-memory fakes, built fresh per test (and example)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from adapters.memory import (
    InMemoryRefreshTokenUses,
    InMemoryStore,
    InMemoryUnitOfWork,
    ManualClock,
    SequentialIds,
)
from paycore.auth_ports import RecentSignIns
from paycore.errors import InvalidToken
from paycore.token_claims import TokenClaims, TokenLifetimes
from paycore.use_cases import (
    Authenticate,
    CreateApiKey,
    DisableMerchant,
    KeyIssuer,
    ListApiKeys,
    RefreshSession,
    RegisterMerchant,
    RevokeApiKey,
    RotateApiKey,
    SignIn,
    TokenIssuer,
)

START = datetime(2026, 11, 26, 17, 0, 0, 250000, tzinfo=UTC)


class FakeCodec:
    """A token is an opaque handle on the claims it was encoded from."""

    def __init__(self) -> None:
        self.claims: dict[str, TokenClaims] = {}

    def encode(self, claims: TokenClaims) -> str:
        token = f"token-{len(self.claims) + 1}"
        self.claims[token] = claims
        return token

    def decode(self, token: str) -> TokenClaims:
        try:
            return self.claims[token]
        except KeyError:
            raise InvalidToken("invalid token: not one of ours") from None


class PlainApiKeys:
    """Numbered keys and readable hashes; remembers what each verification compared."""

    def __init__(self) -> None:
        self.generated = 0
        self.verified: list[str | None] = []

    def generate(self) -> str:
        self.generated += 1
        return f"key-{self.generated}"

    def hash(self, api_key: str) -> str:
        return "hashed:" + api_key

    def verify(self, api_key: str, stored_hash: str | None) -> bool:
        self.verified.append(stored_hash)
        return stored_hash is not None and stored_hash == self.hash(api_key)


@dataclass
class CountingStore(InMemoryStore):
    """The in-memory store, knowing how many of its units of work are open."""

    open_units: int = 0

    def unit_of_work(self) -> InMemoryUnitOfWork:
        return CountedUnitOfWork(self)


class CountedUnitOfWork(InMemoryUnitOfWork):
    def __init__(self, store: CountingStore) -> None:
        super().__init__(store)
        self._counting = store

    async def __aenter__(self) -> Self:
        self._counting.open_units += 1
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._counting.open_units -= 1
        await super().__aexit__(exc_type, exc, tb)


class StoreRefreshTokenUses:
    """Marks tokens used straight in the store, noting the units of work open meanwhile.

    A jti in `marked_elsewhere` was marked by a racing refresh the store does not show yet.
    """

    def __init__(self, store: CountingStore) -> None:
        self._tokens = InMemoryRefreshTokenUses(store)
        self._store = store
        self.open_units_seen: list[int] = []
        self.marked_elsewhere: set[str] = set()

    async def mark_used(self, jti: str) -> bool:
        self.open_units_seen.append(self._store.open_units)
        return jti not in self.marked_elsewhere and await self._tokens.mark_used(jti)


@dataclass
class Auth:
    store: CountingStore = field(default_factory=CountingStore)
    clock: ManualClock = field(default_factory=lambda: ManualClock(START))
    ids: SequentialIds = field(default_factory=SequentialIds)
    codec: FakeCodec = field(default_factory=FakeCodec)
    keys: PlainApiKeys = field(default_factory=PlainApiKeys)
    lifetimes: TokenLifetimes = field(default_factory=TokenLifetimes)
    recent: RecentSignIns | None = None

    def __post_init__(self) -> None:
        uow = self.store.unit_of_work
        issuer = TokenIssuer(
            codec=self.codec, clock=self.clock, ids=self.ids, lifetimes=self.lifetimes
        )
        self.uses = StoreRefreshTokenUses(self.store)
        keys = KeyIssuer(keys=self.keys, ids=self.ids)
        self.register = RegisterMerchant(uow=uow, issuer=keys, clock=self.clock, ids=self.ids)
        self.sign_in = SignIn(
            uow=uow, keys=self.keys, issuer=issuer, ids=self.ids, clock=self.clock
        )
        self.create_key = CreateApiKey(uow=uow, issuer=keys, clock=self.clock)
        self.list_keys = ListApiKeys(uow=uow, clock=self.clock)
        self.revoke_key = RevokeApiKey(uow=uow, clock=self.clock, recent=self.recent)
        self.rotate_key = RotateApiKey(uow=uow, issuer=keys, clock=self.clock, recent=self.recent)
        self.disable = DisableMerchant(uow=uow, clock=self.clock, recent=self.recent)
        self.refresh = RefreshSession(
            uow=uow,
            uses=self.uses,
            codec=self.codec,
            issuer=issuer,
            clock=self.clock,
            recent=self.recent,
        )
        self.authenticate = Authenticate(
            uow=uow, codec=self.codec, clock=self.clock, recent=self.recent
        )
