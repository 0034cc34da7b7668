"""The unit of work: the repositories of one atomic transaction."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Protocol

from paycore.ports.api_keys import ApiKeyRepository
from paycore.ports.events import EventRepository
from paycore.ports.idempotency import IdempotencyStore
from paycore.ports.merchants import MerchantRepository
from paycore.ports.payments import PaymentRepository
from paycore.ports.refresh_tokens import RefreshTokenRepository


class UnitOfWork(AbstractAsyncContextManager["UnitOfWork"], Protocol):
    """One atomic transaction, used as `async with`; it rolls back unless `commit` is called.

    Its repositories' writes are staged: `commit` checks them (a stale payment raises
    StalePayment there) and makes them durable, all or nothing.
    """

    payments: PaymentRepository
    # Read-only: the payment repository records events with the changes.
    events: EventRepository
    idempotency: IdempotencyStore
    merchants: MerchantRepository
    refresh_tokens: RefreshTokenRepository
    api_keys: ApiKeyRepository

    async def commit(self) -> None:
        """Check every staged change and make them all durable, or raise and keep none."""
        ...

    async def rollback(self) -> None:
        """Discard every staged change."""
        ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
