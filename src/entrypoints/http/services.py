"""What the HTTP adapter needs from whoever composes the gateway.

The app names its dependencies here and never learns how they are built: the composition
root (entrypoints.runtime) implements `AppServices` and hands the app its lifespans.
"""

from __future__ import annotations

from typing import Protocol

from adapters.observability import GatewayMetrics
from entrypoints.http.metered_payments import MeteredProcessPayment
from entrypoints.http.rate_limiting import RateLimits
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


class Pingable(Protocol):
    async def ping(self) -> bool:
        """Whether the database answers (GET /ready)."""
        ...


class AppServices(Protocol):
    """Each coroutine returns the service a request needs; the app awaits it per request."""

    @property
    def metrics(self) -> GatewayMetrics: ...

    async def sign_in(self) -> SignIn: ...

    async def refresh_session(self) -> RefreshSession: ...

    async def authenticate(self) -> Authenticate: ...

    async def database(self) -> Pingable: ...

    async def process_payment(self) -> MeteredProcessPayment: ...

    async def retrieve_payment(self) -> RetrievePayment: ...

    async def list_payments(self) -> ListPayments: ...

    async def capture_payment(self) -> CapturePayment: ...

    async def void_payment(self) -> VoidPayment: ...

    async def refund_payment(self) -> RefundPayment: ...

    async def create_api_key(self) -> CreateApiKey: ...

    async def list_api_keys(self) -> ListApiKeys: ...

    async def revoke_api_key(self) -> RevokeApiKey: ...

    async def rate_limits(self) -> RateLimits: ...

    async def list_events(self) -> ListEvents: ...

    async def retrieve_event(self) -> RetrieveEvent: ...
    async def register_webhook_endpoint(self) -> RegisterWebhookEndpoint: ...

    async def list_webhook_endpoints(self) -> ListWebhookEndpoints: ...

    async def delete_webhook_endpoint(self) -> DeleteWebhookEndpoint: ...
