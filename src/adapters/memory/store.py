"""The in-memory store: its committed state, its units of work, and the uses of refresh
tokens, which change the state on their own."""

from __future__ import annotations

from dataclasses import dataclass

from adapters.memory.refresh_tokens import InMemoryRefreshTokenUses
from adapters.memory.retention import InMemoryRetention
from adapters.memory.state import InMemoryState
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.memory.webhooks import InMemoryWebhookStore


@dataclass
class InMemoryStore(InMemoryState):
    """The committed state shared by every unit of work made from it."""

    def unit_of_work(self) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(self)

    @property
    def refresh_token_uses(self) -> InMemoryRefreshTokenUses:
        return InMemoryRefreshTokenUses(self)

    @property
    def retention(self) -> InMemoryRetention:
        return InMemoryRetention(self)

    @property
    def webhooks(self) -> InMemoryWebhookStore:
        return InMemoryWebhookStore(self)
