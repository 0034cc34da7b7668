"""SQLite's connections: one writer on its own thread, a few readers, and the write lock.

SQLite allows one writer at a time. Every write transaction runs on the single writer
thread, and whoever writes holds `write_lock` from its first write to its end, so the
writes of concurrent asyncio tasks never interleave inside one transaction. Readers use
their own connections: in WAL mode they see only committed data and never block writers.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
_BUSY_TIMEOUT_MS = 5_000


def connect(path: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit that returned survives a power cut (NORMAL may lose the last ones).
    conn.execute("PRAGMA synchronous = FULL")
    return conn


class SqliteConnections:
    def __init__(self, path: str, readers: int = 2, lock_timeout: float = 30.0) -> None:
        self.path = path
        self.write_lock = asyncio.Lock()
        self._lock_timeout = lock_timeout
        self._writer_thread = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer")
        self._reader_threads = ThreadPoolExecutor(readers, thread_name_prefix="sqlite-reader")
        self._writer: sqlite3.Connection | None = None
        self._readers: list[sqlite3.Connection] = []
        self._local = threading.local()
        self._readers_guard = threading.Lock()

    async def connect_writer(self) -> None:
        self._writer = await self._on(self._writer_thread, lambda: connect(self.path))

    async def acquire_write_lock(self) -> None:
        """Wait for the single writer; a task nesting two writing units would wait forever."""
        try:
            async with asyncio.timeout(self._lock_timeout):
                await self.write_lock.acquire()
        except TimeoutError:
            raise sqlite3.OperationalError("timed out waiting for the SQLite writer") from None

    async def on_writer(self, work: Callable[[sqlite3.Connection], T]) -> T:
        writer = self._writer
        assert writer is not None, "the database is closed"
        return await self._on(self._writer_thread, lambda: work(writer))

    async def on_writer_alone(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work` on the writer, with every unit of work kept out meanwhile: in autocommit,
        each of its statements is its own transaction."""
        await self.acquire_write_lock()
        try:
            return await self.on_writer(work)
        finally:
            self.write_lock.release()

    async def in_transaction(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work` as one IMMEDIATE transaction on the writer: SQLite's write lock, taken at
        BEGIN, keeps every other process out from its first read to its commit."""
        return await self.on_writer_alone(lambda c: _immediately(c, work))

    async def on_reader(self, work: Callable[[sqlite3.Connection], T]) -> T:
        return await self._on(self._reader_threads, lambda: work(self._reader_connection()))

    async def close(self) -> None:
        await asyncio.to_thread(self._shutdown)

    def _shutdown(self) -> None:
        self._writer_thread.shutdown(wait=True)
        self._reader_threads.shutdown(wait=True)
        for conn in [*self._readers, *([self._writer] if self._writer else [])]:
            conn.close()
        self._readers.clear()
        self._writer = None

    def _reader_connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
            with self._readers_guard:
                self._readers.append(conn)
        return conn

    @staticmethod
    async def _on(executor: ThreadPoolExecutor, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(executor, call)


def _immediately(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = work(conn)
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")
    return result
