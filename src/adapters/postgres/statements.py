"""The statements of one unit of work, on one pooled connection: what its repositories use.

The transaction starts at the unit's first write. Reads before it run on their own
(autocommit), which under READ COMMITTED sees exactly what it would inside a transaction,
and a unit that only reads (authenticating a merchant, a cache miss, the settlement
query) costs one round trip instead of three (BEGIN, SELECT, ROLLBACK).

Writes whose result nobody waits for are staged until the commit; a unit whose only write
is one such statement (a payment's insert, its settlement) runs it alone, atomic by
itself, instead of BEGIN, statement, COMMIT. A staged write that must change one row (a
version guard) and changed none is a refusal: the commit raises it and nothing lands.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import AsyncConnection, AsyncCursor
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from paycore.errors import StorageUnavailable

Params = tuple[Any, ...]
# What a lost connection, a dead server or an exhausted pool raise; the domain sees them as
# StorageUnavailable (a 503, or after the bank call a 202 Pending), never as a crash.
UNAVAILABLE = (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout)


class PostgresStatements:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool
        self._conn: AsyncConnection[Any] | None = None
        self._sent_any = False
        self._in_transaction = False
        # (SQL, parameters, refusal, the rows it must change unless refused)
        self._staged: list[tuple[str, Params, Exception | None, int]] = []
        self._refusals: list[Exception] = []

    async def open(self) -> None:
        try:
            self._conn = await self._pool.getconn()
        except PoolTimeout as exc:
            raise StorageUnavailable("no database connection available") from exc
        self._sent_any = self._in_transaction = False
        self._forget_staged()

    async def close(self, exc: BaseException | None) -> None:
        """Roll back what was not committed and give the connection back to the pool."""
        conn, self._conn = self._conn, None
        self._forget_staged()
        if conn is None:
            return
        try:
            if self._in_transaction and not (conn.closed or conn.broken):
                await conn.execute("ROLLBACK")
        except psycopg.Error:
            pass  # the connection died under us; raising here would mask the real error
        finally:
            self._in_transaction = False
            # The pool discards a connection left broken or mid-transaction.
            await self._pool.putconn(conn)
        if isinstance(exc, UNAVAILABLE):
            raise StorageUnavailable(f"the database connection failed: {exc}") from exc

    async def read(self, sql: str, params: Params = ()) -> AsyncCursor[Any]:
        """Run a read; inside the transaction once the unit has written."""
        if self._staged:
            await self._begin()  # read your own writes
        return await self._send(sql, params)

    async def write(self, sql: str, params: Params = ()) -> AsyncCursor[Any]:
        """Run a write whose result the caller needs now, inside the unit's transaction."""
        await self._begin()
        return await self._send(sql, params)

    def stage(
        self, sql: str, params: Params = (), *, refusal: Exception | None = None, rows: int = 1
    ) -> None:
        """Stage a write for the commit; with a `refusal`, it must change exactly `rows`
        rows (those of the statement's last part, for one with data-modifying CTEs)."""
        self._staged.append((sql, params, refusal, rows))

    async def commit(self) -> None:
        if self._conn is None:
            return
        if not self._in_transaction and len(self._staged) == 1:
            await self._flush()  # one statement, in autocommit: atomic on its own
        elif self._staged:
            await self._begin()
        if self._refusals:
            # Before COMMIT: closing the unit rolls the whole transaction back.
            raise self._refusals[0]
        if self._in_transaction:
            await self._send("COMMIT")
            self._in_transaction = False

    async def rollback(self) -> None:
        self._forget_staged()
        if self._conn is not None and self._in_transaction:
            await self._conn.execute("ROLLBACK")
            self._in_transaction = False

    def _forget_staged(self) -> None:
        self._staged.clear()
        self._refusals.clear()

    async def _begin(self) -> None:
        if not self._in_transaction:
            await self._send("BEGIN")
            self._in_transaction = True
        await self._flush()

    async def _flush(self) -> None:
        staged, self._staged = self._staged, []
        for sql, params, refusal, rows in staged:
            cursor = await self._send(sql, params)
            if refusal is not None and cursor.rowcount != rows:
                self._refusals.append(refusal)

    async def _send(self, sql: str, params: Params = ()) -> AsyncCursor[Any]:
        if self._conn is None:
            raise RuntimeError("use the unit of work as `async with db.unit_of_work() as uow`")
        if self._sent_any:
            return await self._conn.execute(sql, params)
        self._sent_any = True
        try:
            return await self._conn.execute(sql, params)
        except psycopg.OperationalError:
            if not self._conn.broken:
                raise
        # The backend died while the connection idled in the pool (failover, a restart,
        # pg_terminate_backend). Nothing of this unit reached the database, so it is safe
        # to start over once: sweep the pool's other dead connections, then take a new one.
        await self._pool.putconn(self._conn)
        self._conn = None
        await self._pool.check()
        self._conn = await self._pool.getconn()
        return await self._conn.execute(sql, params)
