"""Answers by idempotency key: a key is processed, and charged, at most once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Generic, Protocol, TypeVar


class Recordable(Protocol):
    @property
    def recordable(self) -> bool:
        """False for an answer that processed nothing, such as an injected outage."""
        ...


AnswerT = TypeVar("AnswerT", bound=Recordable)


class Replays(Generic[AnswerT]):
    """The first request with a key runs its processing in a task; concurrent duplicates and
    lookups await that same task (shielded, so a client hanging up cannot cancel a charge
    half-way). Every answer is recorded except those that processed nothing (an injected
    outage): a retry with its key is processed afresh. The oldest keys are dropped past
    `max_keys`."""

    def __init__(self, max_keys: int = 1_000_000) -> None:
        self._max_keys = max_keys
        self._recorded: dict[str, AnswerT] = {}
        self._running: dict[str, asyncio.Task[AnswerT]] = {}

    async def answer(
        self, key: str, process: Callable[[], Coroutine[Any, Any, AnswerT]]
    ) -> tuple[AnswerT, bool]:
        """The answer for `key` and whether it was a replay of an earlier request's."""
        recorded = self._recorded.get(key)
        if recorded is not None:
            return recorded, True
        task = self._running.get(key)
        replayed = task is not None
        if task is None:
            # No await between the lookups above and this insert: one event loop step.
            task = asyncio.create_task(self._run(key, process))
            self._running[key] = task
        return await asyncio.shield(task), replayed

    async def lookup(self, key: str) -> AnswerT | None:
        """The recorded answer, waiting for one still being processed; None if never seen."""
        recorded = self._recorded.get(key)
        if recorded is not None:
            return recorded
        task = self._running.get(key)
        if task is None:
            return None
        answer = await asyncio.shield(task)
        return answer if answer.recordable else None

    async def _run(self, key: str, process: Callable[[], Coroutine[Any, Any, AnswerT]]) -> AnswerT:
        try:
            answer = await process()
            if answer.recordable:
                self._record(key, answer)
            return answer
        finally:
            del self._running[key]

    def _record(self, key: str, answer: AnswerT) -> None:
        self._recorded[key] = answer
        if len(self._recorded) > self._max_keys:
            del self._recorded[next(iter(self._recorded))]
