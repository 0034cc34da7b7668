"""The acquiring bank, as the domain needs it."""

from __future__ import annotations

from typing import Protocol

from paycore.bank import AuthorizationRequest, BankOutcome, LookupOutcome


class AcquiringBank(Protocol):
    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        """Ask the bank to authorize; the same idempotency key never charges twice."""
        ...

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        """What the bank did with an earlier request carrying this key."""
        ...
