"""Fake banks that let a test interleave coroutines deterministically (no wall-clock sleeps)."""

from __future__ import annotations

import asyncio

from adapters.memory import InMemoryBank
from paycore.bank import AuthorizationRequest, BankOutcome, LookupOutcome


class SlowBank(InMemoryBank):
    """Answers like the simulator, but only after giving the event loop away several times."""

    def __init__(self, yields: int = 10) -> None:
        super().__init__()
        self._yields = yields

    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        await self._dawdle()
        return await super().authorize(request)

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        await self._dawdle()
        return await super().lookup(idempotency_key)

    async def _dawdle(self) -> None:
        for _ in range(self._yields):
            await asyncio.sleep(0)


class GatedBank(InMemoryBank):
    """Records the charge on arrival, then answers only once the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.reached = asyncio.Event()
        self.gate = asyncio.Event()

    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        outcome = await super().authorize(request)
        self.reached.set()
        await self.gate.wait()
        return outcome
