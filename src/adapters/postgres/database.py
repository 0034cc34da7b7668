"""The PostgreSQL database: an async connection pool, its units of work and the uses of
refresh tokens, which commit on their own."""

from __future__ import annotations

import contextlib

import psycopg
from psycopg_pool import AsyncConnectionPool

from adapters.postgres.refresh_tokens import PostgresRefreshTokenUses
from adapters.postgres.retention import PostgresRetention
from adapters.postgres.schema import migrate
from adapters.postgres.unit_of_work import PostgresUnitOfWork
from adapters.postgres.webhooks import PostgresWebhookStore


class PostgresDatabase:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self.pool = pool
        self.refresh_token_uses = PostgresRefreshTokenUses(pool)
        self.retention = PostgresRetention(pool)
        self.webhooks = PostgresWebhookStore(pool)

    @classmethod
    async def open(
        cls,
        url: str,
        min_size: int = 2,
        max_size: int = 10,
        *,
        acquire_timeout: float = 5.0,
    ) -> PostgresDatabase:
        """Open the pool (waiting for min_size connections). It does not migrate."""
        pool = AsyncConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            open=False,
            # Units of work open their transactions explicitly, at their first write.
            kwargs={"autocommit": True},
            # No check on every checkout (a round trip per unit of work): a unit of work
            # retries its first statement once on a fresh connection instead, see
            # PostgresStatements.
            timeout=acquire_timeout,
            name="paygate",
        )
        try:
            await pool.open(wait=True, timeout=acquire_timeout)
        except BaseException:
            await pool.close()  # stop its reconnecting workers before giving up
            raise
        return cls(pool)

    async def migrate(self) -> list[str]:
        """Apply pending migrations; the versions applied now (empty when up to date)."""
        return await migrate(self.pool)

    def unit_of_work(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self.pool)

    async def ping(self) -> bool:
        """Whether the database answers; a pooled connection found dead is replaced first."""
        for attempt in (1, 2):
            try:
                async with self.pool.connection(timeout=2.0) as conn:
                    cursor = await conn.execute("SELECT 1")
                    return await cursor.fetchone() == (1,)
            except psycopg.OperationalError:
                if attempt == 2:
                    return False
            except Exception:  # a health check reports, it does not raise
                return False
            # Killed while idle (units of work handle it the same way): sweep, then retry.
            with contextlib.suppress(Exception):
                await self.pool.check()
        return False

    async def close(self) -> None:
        await self.pool.close()
