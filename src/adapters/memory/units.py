"""The in-memory store and its unit of work (concurrency rules: see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.repositories import (
    InMemoryIdempotencyStore,
    InMemoryMerchantRepository,
    InMemoryRefreshTokenRepository,
)
from paycore.idempotency import IdempotencyRecord
from paycore.merchant import Merchant
from paycore.payment import Payment
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
