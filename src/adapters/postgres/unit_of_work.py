"""A unit of work is one transaction on one pooled connection, rolled back unless committed.

The transaction starts at the unit's first write. Reads before it run on their own
(autocommit), which under READ COMMITTED sees exactly what it would inside a transaction,
and a unit that only reads (authenticating a merchant, a cache miss, the settlement
query) costs one round trip instead of three (BEGIN, SELECT, ROLLBACK).

Writes whose result nobody waits for are deferred to the commit; a unit whose only write
is one such statement (a payment's insert, its settlement) runs it alone, atomic by
itself, instead of BEGIN, statement, COMMIT.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import psycopg
from psycopg import AsyncConnection, AsyncCursor
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from adapters.postgres.payments import PostgresPaymentRepository
from adapters.postgres.records import (
    PostgresIdempotencyStore,
    PostgresMerchantRepository,
    PostgresRefreshTokenRepository,
)
from paycore.errors import StorageUnavailable

Params = tuple[Any, ...]
# What a lost connection, a dead server or an exhausted pool raise; the domain sees them as
# StorageUnavailable (a 503, or after the bank call a 202 Pending), never as a crash.
_UNAVAILABLE = (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout)
Check = Callable[[AsyncCursor[Any]], None]


class PostgresUnitOfWork:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool
        self._conn: AsyncConnection[Any] | None = None
        self._started = False
        self._in_transaction = False
        self._deferred: list[tuple[str, Params, Check | None]] = []
        self.payments = PostgresPaymentRepository(self)
        self.idempotency = PostgresIdempotencyStore(self)
        self.merchants = PostgresMerchantRepository(self)
        self.refresh_tokens = PostgresRefreshTokenRepository(self)

    async def __aenter__(self) -> Self:
        try:
            self._conn = await self._pool.getconn()
        except PoolTimeout as exc:
            raise StorageUnavailable("no database connection available") from exc
        self._started = self._in_transaction = False
        self._deferred.clear()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        self._deferred.clear()
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
        if isinstance(exc, _UNAVAILABLE):
            raise StorageUnavailable(f"the database connection failed: {exc}") from exc

    async def execute(self, sql: str, params: Params = ()) -> AsyncCursor[Any]:
        """Run a read; inside the transaction once the unit has written."""
        if self._deferred:
            await self._begin()  # read your own writes
        return await self._run(sql, params)

    async def write(self, sql: str, params: Params = ()) -> AsyncCursor[Any]:
        """Run a write inside this unit's transaction now, starting it if needed."""
        await self._begin()
        return await self._run(sql, params)

    def defer(self, sql: str, params: Params = (), check: Check | None = None) -> None:
        """Queue a write for the commit; `check` judges its cursor (e.g. a version guard)."""
        self._deferred.append((sql, params, check))

    async def _begin(self) -> None:
        if not self._in_transaction:
            await self._run("BEGIN")
            self._in_transaction = True
        await self._flush()

    async def _flush(self) -> None:
        deferred, self._deferred = self._deferred, []
        for sql, params, check in deferred:
            cursor = await self._run(sql, params)
            if check is not None:
                check(cursor)

    async def _run(self, sql: str, params: Params = ()) -> AsyncCursor[Any]:
        if self._conn is None:
            raise RuntimeError("use the unit of work as `async with db.unit_of_work() as uow`")
        if self._started:
            return await self._conn.execute(sql, params)
        self._started = True
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

    async def execute_at_once(self, sql: str, params: Params = ()) -> int:
        """Run and commit a statement on its own connection, whatever becomes of this unit.

        Returns the number of rows it changed.
        """
        async with self._pool.connection() as conn:
            try:
                return (await conn.execute(sql, params)).rowcount
            except psycopg.OperationalError:
                if not conn.broken:
                    raise
        # As in `_run`: the connection was dead before the statement ran; retry once.
        await self._pool.check()
        async with self._pool.connection() as conn:
            return (await conn.execute(sql, params)).rowcount

    async def commit(self) -> None:
        if self._conn is None:
            return
        if not self._in_transaction and len(self._deferred) == 1:
            await self._flush()  # one statement, in autocommit: atomic on its own
            return
        if self._deferred:
            await self._begin()
        if self._in_transaction:
            await self._conn.execute("COMMIT")
            self._in_transaction = False

    async def rollback(self) -> None:
        self._deferred.clear()
        if self._conn is not None and self._in_transaction:
            await self._conn.execute("ROLLBACK")
            self._in_transaction = False
