"""The HTTP app on the container: its services, its resources' lifespan, the sweep."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from litestar import Litestar

from adapters.observability import GatewayMetrics
from entrypoints.http.app import Lifespan, create_app
from entrypoints.http.metered_payments import MeteredProcessPayment
from entrypoints.http.rate_limiting import RateLimits
from entrypoints.http.services import Pingable
from entrypoints.runtime.container import Container
from entrypoints.runtime.container_use import lifespan_of, resolve
from entrypoints.runtime.heap import tune_heap_after_startup
from entrypoints.runtime.sweep import sweep_loop
from entrypoints.runtime.sweep_jobs import (
    expire_authorizations,
    purge_expired,
    settle_actions,
    settle_payments,
)
from entrypoints.runtime.webhook_worker import webhook_jobs
from paycore.use_cases import (
    Authenticate,
    CapturePayment,
    CreateApiKey,
    DeleteWebhookEndpoint,
    ListApiKeys,
    ListEvents,
    ListPayments,
    ListWebhookEndpoints,
    RefreshSession,
    RefundPayment,
    RegisterWebhookEndpoint,
    RetrieveEvent,
    RetrievePayment,
    RevokeApiKey,
    SignIn,
    VoidPayment,
)


class ContainerServices:
    """`AppServices` resolved from the container, once per request."""

    def __init__(self, container: Container) -> None:
        self._container = container
        self.metrics: GatewayMetrics = container.metrics()

    async def sign_in(self) -> SignIn:
        return await resolve(self._container.sign_in)

    async def refresh_session(self) -> RefreshSession:
        return await resolve(self._container.refresh_session)

    async def authenticate(self) -> Authenticate:
        return await resolve(self._container.authenticate)

    async def database(self) -> Pingable:
        return await resolve(self._container.database)

    async def process_payment(self) -> MeteredProcessPayment:
        return await resolve(self._container.process_payment)

    async def retrieve_payment(self) -> RetrievePayment:
        return await resolve(self._container.retrieve_payment)

    async def list_payments(self) -> ListPayments:
        return await resolve(self._container.list_payments)

    async def capture_payment(self) -> CapturePayment:
        return await resolve(self._container.capture_payment)

    async def void_payment(self) -> VoidPayment:
        return await resolve(self._container.void_payment)

    async def refund_payment(self) -> RefundPayment:
        return await resolve(self._container.refund_payment)

    async def create_api_key(self) -> CreateApiKey:
        return await resolve(self._container.create_api_key)

    async def list_api_keys(self) -> ListApiKeys:
        return await resolve(self._container.list_api_keys)

    async def revoke_api_key(self) -> RevokeApiKey:
        return await resolve(self._container.revoke_api_key)

    async def rate_limits(self) -> RateLimits:
        return await resolve(self._container.rate_limits)

    async def list_events(self) -> ListEvents:
        return await resolve(self._container.list_events)

    async def retrieve_event(self) -> RetrieveEvent:
        return await resolve(self._container.retrieve_event)

    async def register_webhook_endpoint(self) -> RegisterWebhookEndpoint:
        return await resolve(self._container.webhooks.register_endpoint)

    async def list_webhook_endpoints(self) -> ListWebhookEndpoints:
        return await resolve(self._container.webhooks.list_endpoints)

    async def delete_webhook_endpoint(self) -> DeleteWebhookEndpoint:
        return await resolve(self._container.webhooks.delete_endpoint)


def gateway_app(
    container: Container, *, settle_in_background: bool = True, owns_process: bool = False
) -> Litestar:
    """The app; its startup opens the container's resources, its shutdown closes them.
    A worker's app owns its process: after start-up it tunes the process's heap (heap.py)."""
    lifespans: list[Lifespan] = [lifespan_of(container)]
    if settle_in_background:
        lifespans.append(_sweeps(container))
    if owns_process:
        lifespans.append(tune_heap_after_startup)
    return create_app(ContainerServices(container), lifespans=lifespans)


def _sweeps(container: Container) -> Lifespan:
    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncIterator[None]:
        metrics = container.metrics()
        jobs = {
            "settle_payments": settle_payments(partial(resolve, container.settle_pending), metrics),
            "settle_actions": settle_actions(partial(resolve, container.settle_pending_actions)),
            "expire_authorizations": expire_authorizations(
                partial(resolve, container.expire_authorizations), metrics
            ),
            "purge_expired": purge_expired(partial(resolve, container.purge_expired), metrics),
            **webhook_jobs(partial(resolve, container.webhooks.worker)),
        }
        settings = container.settings()
        webhooks_every = dict.fromkeys(
            ("dispatch_events", "deliver_webhooks"), settings.webhook_interval
        )
        async with sweep_loop(jobs, settings.settle_interval, webhooks_every):
            yield

    return lifespan
