"""The statements of one unit of work: one SQLite transaction, begun IMMEDIATE at its first
write, holding the single writer until it ends. Its repositories share it.

A write that must change one row (a version guard) and changed none is a refusal: the
commit raises it and nothing of the unit lands.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from adapters.sqlite.connections import SqliteConnections

T = TypeVar("T")


class SqliteStatements:
    def __init__(self, connections: SqliteConnections) -> None:
        self._connections = connections
        self._writing = False
        self._refusals: list[Exception] = []

    async def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Committed data, plus this unit's own writes once it has made any."""
        if self._writing:
            return await self._connections.on_writer(work)
        return await self._connections.on_reader(work)

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if not self._writing:
            await self._connections.acquire_write_lock()
            # Set before any await: a cancellation from here on still releases the lock.
            self._writing = True
            return await self._connections.on_writer(lambda c: _begin_then(c, work))
        return await self._connections.on_writer(work)

    async def write_one_row(
        self, work: Callable[[sqlite3.Connection], int], refusal: Exception
    ) -> None:
        """Write; unless `work` reports exactly one row changed, the commit raises `refusal`."""
        if await self.write(work) != 1:
            self._refusals.append(refusal)

    async def commit(self) -> None:
        if self._refusals:
            refusal = self._refusals[0]
            await self.rollback()  # at once: the single writer is free for the next unit
            raise refusal
        await self._end("COMMIT")

    async def rollback(self) -> None:
        await self._end("ROLLBACK")

    async def _end(self, statement: str) -> None:
        self._refusals = []
        if not self._writing:
            return
        try:
            await self._connections.on_writer(lambda c: _finish(c, statement))
        finally:
            # The writer thread runs jobs in order: the next unit's BEGIN queues after
            # this COMMIT/ROLLBACK even if we were cancelled while waiting for it.
            self._writing = False
            self._connections.write_lock.release()


def _begin_then(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    # IMMEDIATE takes SQLite's write lock now, not at the first write: another process
    # cannot slip in between a claim's check and its insert.
    conn.execute("BEGIN IMMEDIATE")
    return work(conn)


def _finish(conn: sqlite3.Connection, statement: str) -> None:
    try:
        if conn.in_transaction:
            conn.execute(statement)
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
