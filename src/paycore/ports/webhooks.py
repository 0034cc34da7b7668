"""What webhooks need from storage, from the network and from the key that seals secrets.

Unlike the payment repositories, each store method is a transaction of its own: nothing
about a webhook has to change together with a payment (the events do, and they are
written with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from paycore.webhooks import WebhookEndpoint
from paycore.webhooks.deliveries import AttemptResult, DueDelivery


@dataclass(frozen=True, slots=True)
class Backlog:
    """How far behind delivery is: the oldest undelivered delivery and undispatched event."""

    oldest_pending_delivery: datetime | None
    oldest_undispatched_event: datetime | None


class WebhookStore(Protocol):
    async def add_endpoint(self, endpoint: WebhookEndpoint, secret_ciphertext: bytes) -> None:
        """Record a new endpoint."""
        ...

    async def live_endpoints(
        self, merchant_id: str, limit: int, starting_after: str | None
    ) -> Sequence[WebhookEndpoint]:
        """Up to `limit` endpoints not deleted, oldest first, after the id given."""
        ...

    async def delete_endpoint(self, merchant_id: str, endpoint_id: str, at: datetime) -> bool:
        """Stop delivering to a live endpoint of the merchant; False when there is none."""
        ...

    async def dispatch(self, now: datetime, limit: int) -> int:
        """Fan up to `limit` undispatched events out into one delivery per subscribed live
        endpoint and mark them dispatched, in one transaction; the deliveries created."""
        ...

    async def claim_due(
        self, now: datetime, lease_until: datetime, max_attempts: int, limit: int
    ) -> Sequence[DueDelivery]:
        """Start the next attempt of up to `limit` due deliveries, leased until
        `lease_until`; deliveries whose last attempt was leased and never finished fail."""
        ...

    async def finish_attempt(self, result: AttemptResult, retry_at: datetime | None) -> None:
        """Record the attempt's end and the delivery's new state: delivered, due again at
        `retry_at`, or failed. Ignored when another worker has moved the delivery on."""
        ...

    async def backlog(self) -> Backlog:
        """The oldest pending delivery and undispatched event."""
        ...


@dataclass(frozen=True, slots=True)
class SendResult:
    status: int | None
    error: str | None


class WebhookSender(Protocol):
    async def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        """POST `body`; the response status, or why there was none (refused, timed out)."""
        ...


class EndpointSecrets(Protocol):
    def new_secret(self) -> str:
        """A fresh signing secret, `whsec_...`."""
        ...

    def seal(self, endpoint_id: str, secret: str) -> bytes:
        """The secret encrypted for storage, bound to its endpoint."""
        ...

    def unseal(self, endpoint_id: str, ciphertext: bytes) -> str:
        """The secret `seal` encrypted for this endpoint."""
        ...


class HostResolver(Protocol):
    async def addresses(self, host: str) -> Sequence[str]:
        """Every IP address `host` resolves to now (the literal itself for an IP)."""
        ...
