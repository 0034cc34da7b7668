"""The composition root: the one place where configuration picks an adapter for each port.

Every I/O resource (database, cache, bank client) is an async `Resource`, opened at app
startup and closed at shutdown. Tests override `database`, `cache`, `bank`, `clock` or
`ids` with `providers.Object(...)` to run the real app on in-memory adapters.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from dependency_injector import containers, providers
from dependency_injector.ext.starlette import Lifespan

from adapters.auth import JwtCodec, RecentSignIns, Sha256ApiKeys
from adapters.clock_ids_hashing import HmacFingerprinter, SystemClock, Uuid7Generator
from adapters.observability import GatewayMetrics, InstrumentedCache, PrometheusBankObserver
from entrypoints.http.metrics import MeteredProcessPayment
from entrypoints.runtime.keys import fingerprint_key, token_settings
from entrypoints.runtime.refresh_token_uses import UnitOfWorkRefreshTokenUses
from entrypoints.runtime.settings import BANK_CONNECT_TIMEOUT, Settings, SettingsError
from paycore.token_claims import TokenLifetimes
from paycore.use_cases import (
    Authenticate,
    ListPayments,
    ProcessPayment,
    RefreshSession,
    RegisterMerchant,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
    SignIn,
    TokenIssuer,
)
from paycore.validation import PaymentPolicy


async def open_database(settings: Settings) -> AsyncIterator[Any]:
    # Imported here so an SQLite deployment never loads the PostgreSQL driver, and back.
    if settings.uses_postgres:
        from adapters.postgres import PostgresDatabase

        database: Any = await PostgresDatabase.open(settings.database_url, min_size=2, max_size=10)
        await database.migrate()
    else:
        from adapters.sqlite import SqliteDatabase

        database = await SqliteDatabase.open(str(settings.sqlite_path))
    try:
        yield database
    finally:
        await database.close()


async def open_cache(settings: Settings, metrics: GatewayMetrics) -> AsyncIterator[Any]:
    from adapters.cache import RedisPaymentCache, TtlPaymentCache

    if settings.redis_url is None:
        yield InstrumentedCache(TtlPaymentCache(ttl_seconds=300.0, max_entries=10_000), metrics)
        return
    cache = await RedisPaymentCache.open(settings.redis_url, ttl_seconds=300.0)
    try:
        yield InstrumentedCache(cache, metrics)
    finally:
        await cache.close()


async def open_bank(settings: Settings, metrics: GatewayMetrics) -> AsyncIterator[Any]:
    from adapters.bank import BankClientConfig, HttpAcquiringBank

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


def settlement_policy(settings: Settings) -> SettlementPolicy:
    return SettlementPolicy(
        older_than=timedelta(seconds=settings.settlement_age),
        give_up_after=timedelta(seconds=settings.settle_give_up_after),
    )


def token_lifetimes(settings: Settings) -> TokenLifetimes:
    return TokenLifetimes(
        access=timedelta(seconds=settings.access_token_ttl),
        refresh=timedelta(seconds=settings.refresh_token_ttl),
    )


def unit_of_work_factory(database: Any) -> Any:
    return database.unit_of_work


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    ids = providers.Singleton(Uuid7Generator)
    fingerprinter = providers.Singleton(
        HmacFingerprinter, key=providers.Callable(fingerprint_key, settings)
    )
    payment_policy = providers.Singleton(
        PaymentPolicy,
        currencies=settings.provided.currencies,
        max_amount=settings.provided.max_amount,
    )
    settlement_policy = providers.Singleton(settlement_policy, settings)

    metrics = providers.Singleton(GatewayMetrics)
    database = providers.Resource(open_database, settings)
    cache = providers.Resource(open_cache, settings, metrics)
    bank = providers.Resource(open_bank, settings, metrics)
    unit_of_work = providers.Callable(unit_of_work_factory, database)

    payment_processor = providers.Singleton(
        ProcessPayment,
        uow=unit_of_work,
        bank=bank,
        cache=cache,
        clock=clock,
        ids=ids,
        fingerprinter=fingerprinter,
        policy=payment_policy,
    )
    process_payment = providers.Singleton(
        MeteredProcessPayment, inner=payment_processor, metrics=metrics
    )
    retrieve_payment = providers.Singleton(RetrievePayment, uow=unit_of_work, cache=cache)
    list_payments = providers.Singleton(ListPayments, uow=unit_of_work)
    settle_pending = providers.Singleton(
        SettlePendingPayments,
        uow=unit_of_work,
        bank=bank,
        cache=cache,
        clock=clock,
        policy=settlement_policy,
    )

    api_keys = providers.Singleton(Sha256ApiKeys)
    token_codec = providers.Singleton(JwtCodec, providers.Callable(token_settings, settings))
    token_issuer = providers.Singleton(
        TokenIssuer,
        codec=token_codec,
        clock=clock,
        ids=ids,
        lifetimes=providers.Callable(token_lifetimes, settings),
    )
    register_merchant = providers.Singleton(
        RegisterMerchant, uow=unit_of_work, keys=api_keys, clock=clock, ids=ids
    )
    sign_in = providers.Singleton(
        SignIn, uow=unit_of_work, keys=api_keys, issuer=token_issuer, ids=ids
    )
    refresh_token_uses = providers.Singleton(UnitOfWorkRefreshTokenUses, unit_of_work)
    recent_sign_ins = providers.Singleton(RecentSignIns, settings.provided.auth_cache_seconds)
    refresh_session = providers.Singleton(
        RefreshSession,
        recent=recent_sign_ins,
        uow=unit_of_work,
        uses=refresh_token_uses,
        codec=token_codec,
        issuer=token_issuer,
        clock=clock,
    )
    authenticate = providers.Singleton(
        Authenticate, uow=unit_of_work, codec=token_codec, clock=clock, recent=recent_sign_ins
    )


def lifespan_of(container: Container) -> Lifespan:
    """Opens the container's resources at app startup and closes them at shutdown."""
    return Lifespan(container)


def build_container(settings: Settings) -> Container:
    return Container(settings=settings)


async def resolve(provider: Any) -> Any:
    """A provider's value, awaiting it when it depends on an async resource."""
    value = provider()
    if hasattr(value, "__await__"):
        value = await value
    return value
