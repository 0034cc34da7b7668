"""A unit of work is one SQLite transaction, begun IMMEDIATE at its first write."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

from adapters.sqlite.payments import SqlitePaymentRepository
from adapters.sqlite.records import (
    SqliteIdempotencyStore,
    SqliteMerchantRepository,
    SqliteRefreshTokenRepository,
)
from paycore.errors import StorageUnavailable

if TYPE_CHECKING:
    from adapters.sqlite.database import SqliteDatabase

T = TypeVar("T")


class SqliteUnitOfWork:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db
        self._writing = False
        self.payments = SqlitePaymentRepository(self)
        self.idempotency = SqliteIdempotencyStore(self)
        self.merchants = SqliteMerchantRepository(self)
        self.refresh_tokens = SqliteRefreshTokenRepository(self)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.rollback()
        if isinstance(exc, sqlite3.OperationalError):  # locked past the timeout, disk errors
            raise StorageUnavailable(f"the database failed: {exc}") from exc

    async def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Committed data, plus this unit's own writes once it has made any."""
        if self._writing:
            return await self._db.on_writer(work)
        return await self._db.on_reader(work)

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if not self._writing:
            await self._db.acquire_write_lock()
            # Set before any await: a cancellation from here on still releases the lock.
            self._writing = True
            return await self._db.on_writer(lambda c: _begin_then(c, work))
        return await self._db.on_writer(work)

    async def write_at_once(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run and commit `work` now, whatever becomes of this unit of work.

        Inside a unit that already writes, the single writer connection is busy with our
        own transaction, so the work joins it (and commits or rolls back with it).
        """
        if self._writing:
            return await self.write(work)
        await self._db.acquire_write_lock()
        try:
            return await self._db.on_writer(lambda c: _in_transaction(c, work))
        finally:
            self._db.write_lock.release()

    async def commit(self) -> None:
        await self._end("COMMIT")

    async def rollback(self) -> None:
        await self._end("ROLLBACK")

    async def _end(self, statement: str) -> None:
        if not self._writing:
            return
        try:
            await self._db.on_writer(lambda c: _finish(c, statement))
        finally:
            # The writer thread runs jobs in order: the next unit's BEGIN queues after
            # this COMMIT/ROLLBACK even if we were cancelled while waiting for it.
            self._writing = False
            self._db.write_lock.release()


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


def _in_transaction(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    try:
        result = _begin_then(conn, work)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return result
