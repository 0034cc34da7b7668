"""The Litestar application factory. Nothing is built at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from litestar import Litestar
from litestar.di import NamedDependency, Provide

from entrypoints.http.body import MAX_BODY_BYTES
from entrypoints.http.errors import handle_error
from entrypoints.http.metrics import metrics_endpoint
from entrypoints.http.openapi import assets_router, openapi_config
from entrypoints.http.request_context import add_request_id_header, request_context_middleware
from entrypoints.http.routes.auth import generate_access_token, refresh_token
from entrypoints.http.routes.legacy import get_payment_legacy, process_payment_legacy
from entrypoints.http.routes.operations import health, ready, swagger_redirect
from entrypoints.http.routes.payment_list import list_payments
from entrypoints.http.routes.payments import create_payment, get_payment
from entrypoints.runtime.container import Container, lifespan_of, resolve
from entrypoints.runtime.settlement import settlement_loop

ROUTES = [
    create_payment,
    get_payment,
    list_payments,
    process_payment_legacy,
    get_payment_legacy,
    generate_access_token,
    refresh_token,
    health,
    ready,
    metrics_endpoint,
    swagger_redirect,
]
_INJECTED = ("sign_in", "refresh_session", "authenticate", "database", "metrics")
# Use cases that only an authenticated merchant reaches.
_AFTER_AUTHENTICATION = ("process_payment", "retrieve_payment", "list_payments")


def create_app(container: Container, *, settle_in_background: bool = True) -> Litestar:
    dependencies = {name: Provide(_provider(container, name)) for name in _INJECTED}
    dependencies |= {
        name: Provide(_provider_after_authentication(container, name))
        for name in _AFTER_AUTHENTICATION
    }
    lifespans: list[Any] = [lifespan_of(container)]
    if settle_in_background:
        lifespans.append(_settlement(container))
    return Litestar(
        route_handlers=[*ROUTES, assets_router()],
        dependencies=dependencies,
        lifespan=lifespans,
        exception_handlers={Exception: handle_error},
        middleware=[request_context_middleware(container.metrics())],
        before_send=[add_request_id_header],
        request_max_body_size=MAX_BODY_BYTES,
        openapi_config=openapi_config(),
        logging_config=None,
    )


def _provider(container: Container, name: str) -> Callable[[], Any]:
    provider = getattr(container, name)

    async def provide() -> Any:
        return await resolve(provider)

    provide.__name__ = f"provide_{name}"
    return provide


def _provider_after_authentication(container: Container, name: str) -> Callable[..., Any]:
    """Resolved once the caller is authenticated (it takes `merchant_id`), so a request
    with a bad token never reaches the use case, and Litestar resolves the dependencies
    of a handler one after the other instead of starting a task group on every request
    (6 % of a cached retrieval's CPU in the profile)."""
    provider = getattr(container, name)

    async def provide(merchant_id: NamedDependency[str]) -> Any:
        return await resolve(provider)

    provide.__name__ = f"provide_{name}"
    return provide


def _settlement(container: Container) -> Callable[[Litestar], Any]:
    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncIterator[None]:
        interval = container.settings().settle_interval
        settle = partial(resolve, container.settle_pending)
        async with settlement_loop(settle, interval, container.metrics()):
            yield

    return lifespan
