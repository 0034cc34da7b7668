"""A fake acquirer for the lifecycle use cases, and units of work that fail on cue."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from adapters.memory import InMemoryStore, InMemoryUnitOfWork
from paycore.acquirer_actions import (
    ActionLookupOutcome,
    ActionOutcome,
    ActionRequest,
    ActionSucceeded,
)
from paycore.bank import NotFound


class FakeAcquirer:
    """Confirms every action unless told otherwise (`script`), remembering each request
    and answering lookups with what it answered to the call."""

    def __init__(self, *, supports_actions: bool = True) -> None:
        self.supports_actions = supports_actions
        self.script: list[ActionOutcome] = []
        self.calls: list[tuple[str, ActionRequest]] = []
        self.answers: dict[str, ActionOutcome] = {}
        # Runs once the request has arrived and before the answer leaves: a test's
        # chance to look at the store, or to play a concurrent writer.
        self.on_arrival: Callable[[ActionRequest], Awaitable[None]] | None = None

    async def capture(self, request: ActionRequest) -> ActionOutcome:
        return await self._answer("capture", request)

    async def void(self, request: ActionRequest) -> ActionOutcome:
        return await self._answer("void", request)

    async def refund(self, request: ActionRequest) -> ActionOutcome:
        return await self._answer("refund", request)

    async def lookup_action(self, action_id: str) -> ActionLookupOutcome:
        return self.answers.get(action_id, NotFound())

    async def _answer(self, kind: str, request: ActionRequest) -> ActionOutcome:
        self.calls.append((kind, request))
        outcome = self.script.pop(0) if self.script else ActionSucceeded()
        self.answers[request.action_id] = outcome
        if self.on_arrival is not None:
            await self.on_arrival(request)
        return outcome


class FailingCommits:
    """A unit-of-work factory over `store` whose commits numbered in `failures` (counted
    from 1 across every unit it makes) raise the given error instead of committing."""

    def __init__(self, store: InMemoryStore, failures: dict[int, Exception]) -> None:
        self._store = store
        self._failures = failures
        self.commits = 0

    def __call__(self) -> InMemoryUnitOfWork:
        factory = self

        class Unit(InMemoryUnitOfWork):
            async def commit(self) -> None:
                factory.commits += 1
                failure = factory._failures.get(factory.commits)
                if failure is not None:
                    raise failure
                await super().commit()

        return Unit(self._store)
