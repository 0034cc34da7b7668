"""A unit of work is one SQLite transaction (see statements.py), rolled back unless committed."""

from __future__ import annotations

import sqlite3
from typing import Self

from adapters.sqlite.api_keys import SqliteApiKeyRepository
from adapters.sqlite.connections import SqliteConnections
from adapters.sqlite.events import SqliteEventRepository
from adapters.sqlite.idempotency import SqliteIdempotencyStore
from adapters.sqlite.merchants import SqliteMerchantRepository
from adapters.sqlite.payments import SqlitePaymentRepository
from adapters.sqlite.refresh_tokens import SqliteRefreshTokenRepository
from adapters.sqlite.statements import SqliteStatements
from paycore.errors import StorageUnavailable


class SqliteUnitOfWork:
    def __init__(self, connections: SqliteConnections) -> None:
        self._statements = SqliteStatements(connections)
        self.payments = SqlitePaymentRepository(self._statements)
        self.events = SqliteEventRepository(self._statements)
        self.idempotency = SqliteIdempotencyStore(self._statements)
        self.merchants = SqliteMerchantRepository(self._statements)
        self.refresh_tokens = SqliteRefreshTokenRepository(self._statements)
        self.api_keys = SqliteApiKeyRepository(self._statements)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        await self.rollback()
        if isinstance(exc, sqlite3.OperationalError):  # locked past the timeout, disk errors
            raise StorageUnavailable(f"the database failed: {exc}") from exc

    async def commit(self) -> None:
        await self._statements.commit()

    async def rollback(self) -> None:
        await self._statements.rollback()
