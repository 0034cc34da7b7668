"""The gateway's I/O resources, each opened by an async generator the container owns.

Storage and cache drivers are imported inside their openers, so an SQLite deployment never
loads the PostgreSQL driver (and back).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from adapters.bank import BankClientConfig, HttpAcquiringBank
from adapters.observability import GatewayMetrics, InstrumentedCache, PrometheusBankObserver
from entrypoints.runtime.settings import BANK_CONNECT_TIMEOUT, Settings, SettingsError
from paycore.auth_ports import RefreshTokenUses
from paycore.ports import PaymentCache, UnitOfWork


class Database(Protocol):
    @property
    def refresh_token_uses(self) -> RefreshTokenUses: ...

    def unit_of_work(self) -> UnitOfWork: ...

    async def migrate(self) -> list[str]: ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...


async def open_database(settings: Settings, *, migrate: bool) -> AsyncIterator[Database]:
    """The database, migrated first when `migrate` (advisory-locked on PostgreSQL, so
    processes starting together are safe)."""
    database = await _connect(settings)
    try:
        if migrate:
            await apply_migrations(database)
        yield database
    finally:
        await database.close()


async def apply_migrations(database: Database) -> list[str]:
    """The migrations applied now; empty when the database was up to date."""
    # SQLite migrates its file as it opens: what that applied was applied now too.
    on_open: list[str] = getattr(database, "applied_on_open", [])
    return [*on_open, *await database.migrate()]


async def _connect(settings: Settings) -> Database:
    if settings.uses_postgres:
        from adapters.postgres import PostgresDatabase

        return await PostgresDatabase.open(settings.database_url, min_size=2, max_size=10)
    from adapters.sqlite import SqliteDatabase

    return await SqliteDatabase.open(str(settings.sqlite_path))


async def open_cache(settings: Settings, metrics: GatewayMetrics) -> AsyncIterator[PaymentCache]:
    from adapters.cache import RedisPaymentCache, TtlPaymentCache

    if settings.redis_url is None:
        yield InstrumentedCache(TtlPaymentCache(ttl_seconds=300.0, max_entries=10_000), metrics)
        return
    cache = await RedisPaymentCache.open(settings.redis_url, ttl_seconds=300.0)
    try:
        yield InstrumentedCache(cache, metrics)
    finally:
        await cache.close()


async def open_bank(
    settings: Settings, metrics: GatewayMetrics
) -> AsyncIterator[HttpAcquiringBank]:
    if settings.bank_url is None:
        raise SettingsError("PAYGATE_BANK_URL is unset and no embedded simulator was started")
    config = BankClientConfig(
        base_url=settings.bank_url,
        timeout=settings.bank_timeout,
        connect_timeout=BANK_CONNECT_TIMEOUT,
        retries=settings.bank_retries,
        breaker_threshold=settings.breaker_threshold,
        breaker_reset=settings.breaker_reset,
    )
    bank = HttpAcquiringBank(config, observer=PrometheusBankObserver(metrics))
    try:
        yield bank
    finally:
        await bank.aclose()
