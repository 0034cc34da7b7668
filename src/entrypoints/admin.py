"""Operator tasks that need the database but not the HTTP server."""

from __future__ import annotations

from adapters.auth import MerchantRegistry, NewMerchant
from entrypoints.container import build_container, resolve
from entrypoints.keys import with_jwt_secret
from entrypoints.settings import Settings


async def migrate(settings: Settings) -> list[str]:
    """Opening a database applies its migrations; PostgreSQL reports which ones."""
    container = build_container(settings)
    try:
        database = await resolve(container.database)
        applied = await database.migrate() if settings.uses_postgres else []
    finally:
        await _shutdown(container)
    return list(applied)


async def create_merchant(settings: Settings, email: str) -> NewMerchant:
    container = build_container(with_jwt_secret(settings))
    try:
        registry: MerchantRegistry = await resolve(container.merchant_registry)
        return await registry.register(email)
    finally:
        await _shutdown(container)


async def _shutdown(container: object) -> None:
    result = container.shutdown_resources()  # type: ignore[attr-defined]
    if result is not None:
        await result
