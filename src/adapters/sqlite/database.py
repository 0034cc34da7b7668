"""The SQLite database: its connections (see connections.py), migrated on open, its units
of work and the uses of refresh tokens, which commit on their own."""

from __future__ import annotations

from adapters.sqlite.connections import SqliteConnections
from adapters.sqlite.refresh_tokens import SqliteRefreshTokenUses
from adapters.sqlite.retention import SqliteRetention
from adapters.sqlite.schema import migrate
from adapters.sqlite.unit_of_work import SqliteUnitOfWork
from adapters.sqlite.webhooks import SqliteWebhookStore


class SqliteDatabase(SqliteConnections):
    def __init__(self, path: str, readers: int = 2, lock_timeout: float = 30.0) -> None:
        super().__init__(path, readers, lock_timeout)
        self.applied_on_open: list[str] = []
        self.refresh_token_uses = SqliteRefreshTokenUses(self)
        self.retention = SqliteRetention(self)
        self.webhooks = SqliteWebhookStore(self)

    @classmethod
    async def open(
        cls, path: str, readers: int = 2, *, lock_timeout: float = 30.0
    ) -> SqliteDatabase:
        """Open (creating if needed) the file and apply its migrations."""
        db = cls(path, readers, lock_timeout)
        try:
            await db.connect_writer()
            db.applied_on_open = await db.on_writer(migrate)
        except BaseException:
            await db.close()
            raise
        return db

    async def migrate(self) -> list[str]:
        """Apply pending migrations: open() already did, so empty unless files were added."""
        await self.acquire_write_lock()
        try:
            return await self.on_writer(migrate)
        finally:
            self.write_lock.release()

    def unit_of_work(self) -> SqliteUnitOfWork:
        return SqliteUnitOfWork(self)

    async def ping(self) -> bool:
        try:
            return await self.on_reader(lambda c: c.execute("SELECT 1").fetchone() == (1,))
        except Exception:  # a health check reports, it does not raise
            return False
