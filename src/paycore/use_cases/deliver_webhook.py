"""DeliverWebhook: one attempt of a claimed delivery, signed, sent and recorded."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from paycore.events import Event
from paycore.ports import Clock
from paycore.ports.webhooks import EndpointSecrets, WebhookSender, WebhookStore
from paycore.webhooks import DeliveryStatus, DueDelivery, RetryPolicy, sign_webhook
from paycore.webhooks.deliveries import AttemptResult


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliverWebhook:
    store: WebhookStore
    sender: WebhookSender
    secrets: EndpointSecrets
    # The event's JSON body, the same bytes the events API answers.
    render: Callable[[Event], bytes]
    clock: Clock
    policy: RetryPolicy
    jitter: Callable[[], float]

    async def __call__(self, due: DueDelivery) -> DeliveryStatus:
        """The delivery's status after this attempt."""
        body = self.render(due.event)
        secret = self.secrets.unseal(due.endpoint_id, due.secret_ciphertext)
        headers = {
            "Content-Type": "application/json",
            "Paygate-Event-Id": due.event.id,
            "Paygate-Signature": sign_webhook(
                secret, body, math.floor(self.clock.now().timestamp())
            ),
        }
        sent = await self.sender.send(due.url, body, headers)
        result = AttemptResult(due.id, due.attempt, self.clock.now(), sent.status, sent.error)
        if result.delivered:
            await self.store.finish_attempt(result, None)
            return DeliveryStatus.DELIVERED
        retry_at = self.policy.next_attempt_at(result, self.jitter())
        await self.store.finish_attempt(result, retry_at)
        return DeliveryStatus.FAILED if retry_at is None else DeliveryStatus.PENDING
