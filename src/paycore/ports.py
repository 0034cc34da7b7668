"""The ports: what the domain needs from the outside world, as structural protocols."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from paycore.bank import AuthorizationRequest, BankOutcome, LookupOutcome
from paycore.idempotency import IdempotencyRecord
from paycore.listing import PaymentQuery
from paycore.merchant import Merchant
from paycore.payment import Payment
from paycore.refresh_token import RefreshToken


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class IdGenerator(Protocol):
    def new_id(self) -> str:
        """A fresh, unique, time-ordered identifier (a UUID in text form)."""
        ...


class Fingerprinter(Protocol):
    def fingerprint(self, data: bytes) -> str:
        """A keyed hash of `data`: stable for one key, useless without it."""
        ...


class PaymentRepository(Protocol):
    async def add(self, payment: Payment) -> None:
        """Stage a new payment."""
        ...

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        """The merchant's payment, or None (unknown id or another merchant's)."""
        ...

    async def save(self, payment: Payment) -> None:
        """Stage a payment changed once since read: the stored row must be at version - 1.

        Raises StalePayment when another writer got there first, here or, where the
        adapter defers the write, at commit.
        """
        ...

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        """Pending payments created before a time whose next settlement attempt is due."""
        ...

    async def list_for_merchant(self, query: PaymentQuery) -> list[Payment]:
        """At most `query.limit` of the merchant's payments that `query.admits`, nearest
        to `query.start` first: newest first going OLDER, oldest first going NEWER.

        Ordered by (created_at, id); a store answers from an index on that order, never
        by skipping rows, so the cost of a page does not grow with its depth."""
        ...


class IdempotencyStore(Protocol):
    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        """Reserve a key: None if this call claimed it, else the record that holds it."""
        ...

    async def complete(
        self,
        merchant_id: str,
        key: str,
        *,
        response: Payment,
        retry_after_seconds: int | None = None,
    ) -> None:
        """Mark the key's first request as answered, keeping a snapshot of the answer.

        `response` is the payment as that request returned it; the store keeps a copy
        (it holds no card data), so later changes to the payment do not reach it. A
        replay returns it, with `retry_after_seconds`, from the record's `response` and
        `retry_after_seconds` fields.
        """
        ...


class MerchantRepository(Protocol):
    async def add(self, merchant: Merchant) -> None:
        """Stage a new merchant; the email must be unused."""
        ...

    async def get(self, merchant_id: str) -> Merchant | None:
        """The merchant with this id, or None."""
        ...

    async def get_by_email(self, email: str) -> Merchant | None:
        """The merchant with this email (case-insensitive), or None."""
        ...

    async def get_signed_in(self, merchant_id: str, login_id: str) -> Merchant | None:
        """The merchant, unless it is gone or that login's tokens were revoked: one read."""
        ...


class RefreshTokenRepository(Protocol):
    async def add(self, token: RefreshToken) -> None:
        """Stage a newly issued refresh token."""
        ...

    async def get(self, jti: str) -> RefreshToken | None:
        """The token with this id, or None."""
        ...

    async def mark_used(self, jti: str) -> bool:
        """Atomically mark an unused, unrevoked token used; False if it already was."""
        ...

    async def revoke_family(self, family_id: str) -> None:
        """Revoke every token of a login, after a reuse was detected."""
        ...


class UnitOfWork(Protocol):
    """One atomic transaction; it rolls back unless `commit` is called."""

    payments: PaymentRepository
    idempotency: IdempotencyStore
    merchants: MerchantRepository
    refresh_tokens: RefreshTokenRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make every staged change durable, all or nothing."""
        ...

    async def rollback(self) -> None:
        """Discard every staged change."""
        ...


UnitOfWorkFactory = Callable[[], UnitOfWork]


class PaymentCache(Protocol):
    """A best-effort cache: adapters swallow and log their own outages, never raise."""

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        """The cached payment, or None on a miss."""
        ...

    async def put(self, payment: Payment) -> None:
        """Store or overwrite the payment's cached copy."""
        ...


class AcquiringBank(Protocol):
    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        """Ask the bank to authorize; the same idempotency key never charges twice."""
        ...

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        """What the bank did with an earlier request carrying this key."""
        ...
