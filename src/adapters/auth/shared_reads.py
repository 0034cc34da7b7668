"""Concurrent reads of one key, asked as one: the first caller reads, the others that ask
while it does wait for its answer instead of reading too.

When a remembered login expires, every request in flight for it misses at once; each
reading the store for itself cost a tenth of a worker's throughput and doubled the p99 of
cached reads (bench/README.md). A read begun before `invalidate()` (a revocation) is
joined by no later caller, and its answer is marked stale: not to be remembered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(eq=False)
class _Flight(Generic[V]):
    generation: int
    landed: asyncio.Event = field(default_factory=asyncio.Event)
    answer: tuple[V] | None = None  # boxed: V itself may be None
    error: Exception | None = None


class SharedReads(Generic[K, V]):
    def __init__(self) -> None:
        self._flights: dict[K, _Flight[V]] = {}
        self._generation = 0

    def invalidate(self) -> None:
        """Reads in flight answer only those who asked before now."""
        self._generation += 1

    async def read(self, key: K, read: Callable[[], Awaitable[V]]) -> tuple[V, bool]:
        """The answer, and whether nothing was invalidated since its read began."""
        while (flight := self._flights.get(key)) is not None:
            if flight.generation != self._generation:
                break  # begun before a revocation: read afresh
            await flight.landed.wait()
            if flight.error is not None:
                raise flight.error
            if flight.answer is not None:
                return flight.answer[0], flight.generation == self._generation
            # Its reader was cancelled: ask again (the first to get here reads).
        return await self._lead(key, read)

    async def _lead(self, key: K, read: Callable[[], Awaitable[V]]) -> tuple[V, bool]:
        flight: _Flight[V] = _Flight(self._generation)
        self._flights[key] = flight
        try:
            value = await read()
        except Exception as error:
            flight.error = error
            raise
        else:
            flight.answer = (value,)
        finally:
            if self._flights.get(key) is flight:
                del self._flights[key]
            flight.landed.set()
        return value, flight.generation == self._generation
