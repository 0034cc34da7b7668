"""Operator tasks that need the database but not the HTTP server."""

from __future__ import annotations

from entrypoints.runtime.container import build_container, resolve
from entrypoints.runtime.keys import with_jwt_secret
from entrypoints.runtime.settings import Settings
from paycore.use_cases import NewMerchant, RegisterMerchant


async def migrate(settings: Settings) -> list[str]:
    """The migrations applied now (empty when the database was up to date).

    The database is opened directly, not through the container, whose resource migrates
    as it opens and would leave nothing to report.
    """
    if settings.uses_postgres:
        from adapters.postgres import PostgresDatabase

        database = await PostgresDatabase.open(settings.database_url, min_size=1, max_size=1)
        try:
            return await database.migrate()
        finally:
            await database.close()
    from adapters.sqlite import SqliteDatabase

    sqlite = await SqliteDatabase.open(str(settings.sqlite_path))
    try:
        return list(sqlite.applied_on_open)
    finally:
        await sqlite.close()


async def create_merchant(settings: Settings, email: str) -> NewMerchant:
    container = build_container(with_jwt_secret(settings))
    try:
        register: RegisterMerchant = await resolve(container.register_merchant)
        return await register(email)
    finally:
        await _shutdown(container)


async def _shutdown(container: object) -> None:
    result = container.shutdown_resources()  # type: ignore[attr-defined]
    if result is not None:
        await result
