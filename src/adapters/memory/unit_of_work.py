"""The in-memory unit of work: its repositories stage writes, its commit checks and applies
them all (concurrency rules: see the package docstring)."""

from __future__ import annotations

from typing import Self

from adapters.memory.api_keys import InMemoryApiKeyRepository
from adapters.memory.events import InMemoryEventRepository
from adapters.memory.idempotency import InMemoryIdempotencyStore
from adapters.memory.merchants import InMemoryMerchantRepository
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.refresh_tokens import InMemoryRefreshTokenRepository
from adapters.memory.state import InMemoryState


class InMemoryUnitOfWork:
    def __init__(self, state: InMemoryState) -> None:
        self.payments = InMemoryPaymentRepository(state)
        self.events = InMemoryEventRepository(state)
        self.idempotency = InMemoryIdempotencyStore(state)
        self.merchants = InMemoryMerchantRepository(state)
        self.refresh_tokens = InMemoryRefreshTokenRepository(state)
        self.api_keys = InMemoryApiKeyRepository(state)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        self._forget_staged()

    async def commit(self) -> None:
        try:
            # Every check before any write, and no await among them: atomic under asyncio.
            self.payments.check()
            self.payments.apply()
            self.idempotency.apply()
            self.merchants.apply()
            self.refresh_tokens.apply()
            self.api_keys.apply()
        finally:
            self._forget_staged()

    async def rollback(self) -> None:
        self._forget_staged()

    def _forget_staged(self) -> None:
        self.payments.forget_staged()
        self.merchants.forget_staged()
        self.api_keys.staged.clear()
        self.refresh_tokens.forget_staged()
        self.idempotency.release()
