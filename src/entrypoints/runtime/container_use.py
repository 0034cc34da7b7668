"""Building, resolving and closing the container: what every way of running the gateway
(the app's lifespan, a CLI task, a test) does with the composition root."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypeVar

from dependency_injector import providers
from dependency_injector.ext.starlette import Lifespan

from entrypoints.runtime.container import Container
from entrypoints.runtime.settings import Settings

T = TypeVar("T")


def build_container(settings: Settings, *, migrate: bool = True) -> Container:
    """`migrate=False` when the database was prepared already (serve's workers)."""
    container = Container(settings=settings, migrate=migrate)
    # Whatever is built on a resource is awaited, also when a test swaps the resource for
    # a plain object: `resolve` then has one answer to expect.
    provider: providers.Provider[object]
    for provider in container.traverse():
        if _built_on_resource(provider):
            provider.enable_async_mode()
    return container


def _built_on_resource(provider: providers.Provider[object]) -> bool:
    dependencies: list[providers.Provider[object]] = list(provider.traverse())
    return any(isinstance(p, providers.Resource) for p in [provider, *dependencies])


def lifespan_of(container: Container) -> Lifespan:
    """Opens the container's resources at app startup and closes them at shutdown."""
    return Lifespan(container)


async def resolve(provider: providers.Provider[T]) -> T:
    """The value of a provider built on a resource (the resource opens on first use)."""
    return await provider.async_()


@asynccontextmanager
async def task_container(settings: Settings, *, migrate: bool = True) -> AsyncIterator[Container]:
    """A CLI task's container: resources open as the task resolves them and close on exit."""
    container = build_container(settings, migrate=migrate)
    try:
        yield container
    finally:
        closing = container.shutdown_resources()
        # Never None: build_container put every resource in async mode.
        assert closing is not None
        await closing
