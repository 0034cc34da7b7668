"""Webhooks: endpoints merchants register, deliveries of events to them, their signatures."""

from paycore.webhooks.addresses import forbidden_address
from paycore.webhooks.deliveries import Delivery, DeliveryStatus, DueDelivery, RetryPolicy
from paycore.webhooks.endpoints import EndpointRequest, WebhookEndpoint, WebhookEndpointNotFound
from paycore.webhooks.signature import WebhookVerificationError, sign_webhook, verify_webhook

__all__ = [
    "Delivery",
    "DeliveryStatus",
    "DueDelivery",
    "EndpointRequest",
    "RetryPolicy",
    "WebhookEndpoint",
    "WebhookEndpointNotFound",
    "WebhookVerificationError",
    "forbidden_address",
    "sign_webhook",
    "verify_webhook",
]
