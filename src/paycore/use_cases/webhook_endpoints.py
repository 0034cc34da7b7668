"""Registering, listing and deleting a merchant's webhook endpoints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from paycore.errors import FieldError, ValidationFailed
from paycore.ports import Clock, IdGenerator
from paycore.ports.webhooks import EndpointSecrets, HostResolver, WebhookStore
from paycore.webhooks import EndpointRequest, WebhookEndpoint, WebhookEndpointNotFound
from paycore.webhooks.destinations import ForbiddenDestination, resolve_checked

MAX_PAGE = 100


@dataclass(frozen=True, slots=True)
class NewEndpoint:
    endpoint: WebhookEndpoint
    # Shown to the merchant this once; stored only sealed.
    secret: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterWebhookEndpoint:
    store: WebhookStore
    secrets: EndpointSecrets
    resolver: HostResolver
    clock: Clock
    ids: IdGenerator
    allow_private: bool

    async def __call__(self, merchant_id: str, body: dict[str, object]) -> NewEndpoint:
        request = EndpointRequest.parse(body)
        if not self.allow_private:
            try:
                await resolve_checked(request.host, self.resolver.addresses)
            except ForbiddenDestination as refused:
                raise ValidationFailed([FieldError("url", str(refused))]) from None
        endpoint_id = "we_" + self.ids.new_id().replace("-", "")
        endpoint = WebhookEndpoint(
            endpoint_id,
            merchant_id,
            request.url,
            request.events,
            request.description,
            self.clock.now(),
        )
        secret = self.secrets.new_secret()
        await self.store.add_endpoint(endpoint, self.secrets.seal(endpoint_id, secret))
        return NewEndpoint(endpoint, secret)


@dataclass(frozen=True, slots=True)
class EndpointPage:
    endpoints: Sequence[WebhookEndpoint]
    has_more: bool


@dataclass(frozen=True, slots=True)
class ListWebhookEndpoints:
    store: WebhookStore

    async def __call__(
        self, merchant_id: str, limit: int = 10, starting_after: str | None = None
    ) -> EndpointPage:
        if not 1 <= limit <= MAX_PAGE:
            raise ValidationFailed([FieldError("limit", f"must be between 1 and {MAX_PAGE}")])
        found = await self.store.live_endpoints(merchant_id, limit + 1, starting_after)
        return EndpointPage(tuple(found[:limit]), has_more=len(found) > limit)


@dataclass(frozen=True, slots=True)
class DeleteWebhookEndpoint:
    store: WebhookStore
    clock: Clock

    async def __call__(self, merchant_id: str, endpoint_id: str) -> None:
        if not await self.store.delete_endpoint(merchant_id, endpoint_id, self.clock.now()):
            raise WebhookEndpointNotFound(endpoint_id)
