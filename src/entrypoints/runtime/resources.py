"""The gateway's I/O resources, each opened by an async generator the container owns.

Storage and cache drivers are imported inside their openers, so an SQLite deployment never
loads the PostgreSQL driver (and back).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import AsyncIterator, Callable
from typing import Protocol

from adapters.bank import BankClientConfig, HttpAcquiringBank
from adapters.observability import (
    GatewayMetrics,
    InstrumentedCache,
    InstrumentedCacheRead,
    PrometheusBankObserver,
)
from entrypoints.runtime.settings import BANK_CONNECT_TIMEOUT, Settings, SettingsError
from paycore.auth_ports import RecentSignIns, RefreshTokenUses
from paycore.ports import (
    PaymentCache,
    RateLimitedCacheRead,
    RateLimiter,
    RetentionStore,
    UnitOfWork,
)
from paycore.ports.webhooks import WebhookStore
from paycore.use_cases.retrieve_payment import HitThenCacheRead


class Database(Protocol):
    @property
    def refresh_token_uses(self) -> RefreshTokenUses: ...

    @property
    def retention(self) -> RetentionStore: ...

    @property
    def webhooks(self) -> WebhookStore: ...

    def unit_of_work(self) -> UnitOfWork: ...

    async def migrate(self) -> list[str]: ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...


def import_drivers(settings: Settings) -> None:
    """Imports the drivers these settings use (those `_connect`, `open_cache` and
    `open_rate_limiter` import on first use), before the app starts. Its lifespan opens the
    resources concurrently: an opener's first import of psycopg (240 ms on the benchmark's
    machine) held the event loop while the cache's start-up ping waited on its 250 ms
    timeout, and every worker began with a false cache outage (bench/README.md)."""
    storage = "adapters.postgres" if settings.uses_postgres else "adapters.sqlite"
    redis = ("adapters.cache", "adapters.rate_limits") if settings.redis_url else ()
    for module in (storage, *redis):
        importlib.import_module(module)


def unit_of_work_factory(database: Database) -> Callable[[], UnitOfWork]:
    return database.unit_of_work


def refresh_token_uses_of(database: Database) -> RefreshTokenUses:
    return database.refresh_token_uses


def retention_of(database: Database) -> RetentionStore:
    return database.retention


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
        actions=settings.bank_actions,
    )
    bank = HttpAcquiringBank(config, observer=PrometheusBankObserver(metrics))
    try:
        yield bank
    finally:
        await bank.aclose()


async def open_recent_sign_ins(settings: Settings) -> AsyncIterator[RecentSignIns]:
    """Logins found signed in, remembered in this process; with Redis, what one process
    forgets (a revocation) every process forgets, through a listener running meanwhile."""
    from adapters.auth import BroadcastRecentSignIns
    from adapters.auth import RecentSignIns as LocalSignIns

    local = LocalSignIns(settings.auth_cache_seconds)
    if settings.redis_url is None:
        yield local
        return
    from redis import asyncio as aioredis

    # No read timeout: the listener waits for messages for as long as the process lives.
    client = aioredis.Redis.from_url(settings.redis_url, socket_connect_timeout=1.0)
    broadcast = BroadcastRecentSignIns(local, client)
    listener = asyncio.create_task(broadcast.listen(), name="sign-in-broadcast")
    try:
        yield broadcast
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener
        await client.aclose()


async def open_rate_limiter(settings: Settings) -> AsyncIterator[RateLimiter]:
    """In process memory, or with Redis one budget shared by every gateway process."""
    from adapters.memory import InMemoryRateLimiter

    if settings.redis_url is None:
        yield InMemoryRateLimiter()
        return
    from adapters.rate_limits import RedisRateLimiter

    limiter = RedisRateLimiter.open(settings.redis_url)
    try:
        yield limiter
    finally:
        await limiter.close()


def rate_limited_cache_read(
    settings: Settings, cache: PaymentCache, limiter: RateLimiter, metrics: GatewayMetrics
) -> RateLimitedCacheRead:
    """One Redis round trip where the budget and the cache are both Redis's; the hit, then
    the read, for any others (an in-process stack, a test's own)."""
    if settings.redis_url is None:
        return HitThenCacheRead(limiter, cache)
    from adapters.cache import RedisPaymentCache
    from adapters.rate_limits import RedisRateLimitedCacheRead, RedisRateLimiter

    inner = cache.inner if isinstance(cache, InstrumentedCache) else cache
    if isinstance(inner, RedisPaymentCache) and isinstance(limiter, RedisRateLimiter):
        return InstrumentedCacheRead(RedisRateLimitedCacheRead(limiter, inner), metrics)
    return HitThenCacheRead(limiter, cache)
