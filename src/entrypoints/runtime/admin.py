"""Operator tasks that need the database but not the HTTP server."""

from __future__ import annotations

from datetime import timedelta

from entrypoints.runtime.container_use import resolve, task_container
from entrypoints.runtime.resources import apply_migrations
from entrypoints.runtime.settings import Settings
from paycore.api_key import IssuedApiKey
from paycore.merchant import Merchant
from paycore.use_cases import DisableMerchant, NewMerchant, RegisterMerchant, RotateApiKey


async def migrate(settings: Settings) -> list[str]:
    """The migrations applied now (empty when the database was up to date)."""
    # The resource would migrate as it opens and leave nothing to report.
    async with task_container(settings, migrate=False) as container:
        return await apply_migrations(await resolve(container.database))


async def create_merchant(settings: Settings, email: str) -> NewMerchant:
    async with task_container(settings) as container:
        register: RegisterMerchant = await resolve(container.register_merchant)
        return await register(email)


async def rotate_key(settings: Settings, email: str, keep_old_for: timedelta) -> IssuedApiKey:
    async with task_container(settings) as container:
        rotate: RotateApiKey = await resolve(container.rotate_api_key)
        return await rotate(email, keep_old_for)


async def disable_merchant(settings: Settings, email: str) -> Merchant:
    async with task_container(settings) as container:
        disable: DisableMerchant = await resolve(container.disable_merchant)
        return await disable(email)
