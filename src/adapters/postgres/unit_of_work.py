"""A unit of work is one transaction on one pooled connection, rolled back unless committed.

How its statements reach the database (a transaction begun at the first write, writes
staged to the commit) is the business of PostgresStatements, which its repositories share.
"""

from __future__ import annotations

from typing import Self

from psycopg_pool import AsyncConnectionPool

from adapters.postgres.api_keys import PostgresApiKeyRepository
from adapters.postgres.events import PostgresEventRepository
from adapters.postgres.idempotency import PostgresIdempotencyStore
from adapters.postgres.merchants import PostgresMerchantRepository
from adapters.postgres.payments import PostgresPaymentRepository
from adapters.postgres.refresh_tokens import PostgresRefreshTokenRepository
from adapters.postgres.statements import PostgresStatements


class PostgresUnitOfWork:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self.statements = PostgresStatements(pool)
        self.payments = PostgresPaymentRepository(self.statements)
        self.events = PostgresEventRepository(self.statements)
        self.idempotency = PostgresIdempotencyStore(self.statements)
        self.merchants = PostgresMerchantRepository(self.statements)
        self.refresh_tokens = PostgresRefreshTokenRepository(self.statements)
        self.api_keys = PostgresApiKeyRepository(self.statements)

    async def __aenter__(self) -> Self:
        await self.statements.open()
        return self

    async def __aexit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        await self.statements.close(exc)

    async def commit(self) -> None:
        await self.statements.commit()

    async def rollback(self) -> None:
        await self.statements.rollback()
