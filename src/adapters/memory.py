"""In-memory adapters for every port: for unit tests, library users and experiments.

They are safe under concurrent asyncio use: a unit of work stages its writes and applies
them atomically on commit, and an idempotency claim is held from `claim` until the unit
of work ends, as a database's unique index would hold it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Self

from paycore.bank import (
    AuthorizationRequest,
    Authorized,
    BankOutcome,
    Declined,
    LookupOutcome,
    LookupUnsupported,
    NotFound,
)
from paycore.errors import StalePayment
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment, PaymentStatus
from paycore.refresh_token import RefreshToken

IdempotencyKey = tuple[str, str]


@dataclass
class InMemoryStore:
    """The committed state shared by every unit of work made from it."""

    payments: dict[str, Payment] = field(default_factory=dict)
    idempotency: dict[IdempotencyKey, IdempotencyRecord] = field(default_factory=dict)
    claims: dict[IdempotencyKey, IdempotencyRecord] = field(default_factory=dict)
    merchants: dict[str, Merchant] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)

    def unit_of_work(self) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(self)


class InMemoryPaymentRepository:
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, Payment] = {}

    async def add(self, payment: Payment) -> None:
        self.staged[payment.id] = copy.deepcopy(payment)

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        payment = self.staged.get(payment_id) or self._store.payments.get(payment_id)
        if payment is None or payment.merchant_id != merchant_id:
            return None
        return copy.deepcopy(payment)

    async def save(self, payment: Payment) -> None:
        stored = self._store.payments.get(payment.id)
        if stored is None or stored.version != payment.version - 1:
            raise StalePayment(payment.id)
        self.staged[payment.id] = copy.deepcopy(payment)

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        due = [
            copy.deepcopy(p)
            for p in self._store.payments.values()
            if p.status is PaymentStatus.PENDING
            and p.created_at < created_before
            and (p.next_settlement_at is None or p.next_settlement_at <= now)
        ]
        return sorted(due, key=lambda p: p.created_at)[:limit]

    def apply(self) -> None:
        for payment in self.staged.values():
            stored = self._store.payments.get(payment.id)
            # Re-checked at commit: another unit of work may have committed in between.
            if stored is not None and stored.version != payment.version - 1:
                raise StalePayment(payment.id)
        self._store.payments.update(self.staged)


class InMemoryIdempotencyStore:
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.claimed: list[IdempotencyKey] = []
        # Key -> (the payment answered, its Retry-After), applied on commit.
        self.completed: dict[IdempotencyKey, tuple[Payment, int | None]] = {}

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        key = (record.merchant_id, record.key)
        holder = self._store.idempotency.get(key) or self._store.claims.get(key)
        if holder is not None:
            # A copy, as a database row would be: the caller may change what it gets.
            return replace(holder, response=copy.deepcopy(holder.response))
        self._store.claims[key] = record
        self.claimed.append(key)
        return None

    async def complete(
        self,
        merchant_id: str,
        key: str,
        *,
        response: Payment,
        retry_after_seconds: int | None = None,
    ) -> None:
        self.completed[(merchant_id, key)] = (copy.deepcopy(response), retry_after_seconds)

    def apply(self) -> None:
        for key in self.claimed:
            self._store.idempotency[key] = self._store.claims[key]
        for key, (response, retry_after) in self.completed.items():
            self._store.idempotency[key] = replace(
                self._store.idempotency[key],
                completed=True,
                response=response,
                retry_after_seconds=retry_after,
            )

    def release(self) -> None:
        for key in self.claimed:
            self._store.claims.pop(key, None)
        self.claimed.clear()
        self.completed.clear()


class InMemoryMerchantRepository:
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, Merchant] = {}

    async def add(self, merchant: Merchant) -> None:
        if await self.get_by_email(merchant.email) is not None:
            raise ValueError(f"a merchant with email {merchant.email} exists")
        self.staged[merchant.id] = merchant

    async def get(self, merchant_id: str) -> Merchant | None:
        return self.staged.get(merchant_id) or self._store.merchants.get(merchant_id)

    async def get_by_email(self, email: str) -> Merchant | None:
        wanted = email.casefold()
        everyone = [*self._store.merchants.values(), *self.staged.values()]
        return next((m for m in everyone if m.email.casefold() == wanted), None)

    def apply(self) -> None:
        self._store.merchants.update(self.staged)


class InMemoryRefreshTokenRepository:
    """Writes go straight to the store: marking a token used must win or lose at once."""

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, RefreshToken] = {}

    async def add(self, token: RefreshToken) -> None:
        self.staged[token.jti] = token

    async def get(self, jti: str) -> RefreshToken | None:
        return self.staged.get(jti) or self._store.refresh_tokens.get(jti)

    async def mark_used(self, jti: str) -> bool:
        token = self._store.refresh_tokens.get(jti)
        if token is None or token.used or token.revoked:
            return False
        self._store.refresh_tokens[jti] = replace(token, used=True)
        return True

    async def revoke_family(self, family_id: str) -> None:
        tokens = self._store.refresh_tokens
        for jti, token in list(tokens.items()):
            if token.family_id == family_id:
                tokens[jti] = replace(token, revoked=True)

    def apply(self) -> None:
        self._store.refresh_tokens.update(self.staged)


class InMemoryUnitOfWork:
    def __init__(self, store: InMemoryStore) -> None:
        self.payments = InMemoryPaymentRepository(store)
        self.idempotency = InMemoryIdempotencyStore(store)
        self.merchants = InMemoryMerchantRepository(store)
        self.refresh_tokens = InMemoryRefreshTokenRepository(store)
        self.committed = False

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.rollback()

    async def commit(self) -> None:
        # No await between the checks and the writes: atomic under asyncio.
        self.payments.apply()
        self.idempotency.apply()
        self.merchants.apply()
        self.refresh_tokens.apply()
        self.committed = True
        await self.rollback()

    async def rollback(self) -> None:
        self.payments.staged.clear()
        self.merchants.staged.clear()
        self.refresh_tokens.staged.clear()
        self.idempotency.release()


class InMemoryPaymentCache:
    """A cache that never goes back in time: an older version never replaces a newer one."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], Payment] = {}
        self.hits = 0
        self.misses = 0

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        payment = self._entries.get((merchant_id, payment_id))
        if payment is None:
            self.misses += 1
            return None
        self.hits += 1
        return copy.deepcopy(payment)

    async def put(self, payment: Payment) -> None:
        key = (payment.merchant_id, payment.id)
        current = self._entries.get(key)
        if current is None or current.version <= payment.version:
            self._entries[key] = copy.deepcopy(payment)


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime(2026, 1, 15, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta


class SequentialIds:
    """Deterministic UUID-shaped ids, in creation order."""

    def __init__(self) -> None:
        self._next = 0

    def new_id(self) -> str:
        self._next += 1
        return f"00000000-0000-7000-8000-{self._next:012d}"


class InMemoryBank:
    """A bank that follows the simulator's card rules and honours idempotency keys.

    Card numbers ending in an odd digit are authorized, even ones declined. Tests can
    queue outcomes to return instead (`script`), e.g. Unknown to mimic a timeout.
    """

    def __init__(self, *, supports_lookup: bool = True) -> None:
        self.supports_lookup = supports_lookup
        self.script: list[BankOutcome] = []
        self.answers: dict[str, BankOutcome] = {}
        self.authorize_calls: list[str] = []
        self.lookups: list[str] = []

    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        self.authorize_calls.append(request.idempotency_key)
        if self.script:
            return self.script.pop(0)
        if request.idempotency_key not in self.answers:
            last_digit = int(request.card.number[-1])
            outcome: BankOutcome = (
                Authorized(f"auth-{len(self.answers) + 1}") if last_digit % 2 else Declined()
            )
            self.answers[request.idempotency_key] = outcome
        return self.answers[request.idempotency_key]

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        self.lookups.append(idempotency_key)
        if not self.supports_lookup:
            return LookupUnsupported()
        return self.answers.get(idempotency_key, NotFound())

    @property
    def authorizations(self) -> int:
        """How many distinct charges the bank made."""
        return sum(isinstance(o, Authorized) for o in self.answers.values())
