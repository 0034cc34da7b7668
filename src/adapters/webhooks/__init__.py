"""Webhook adapters: the sender, the resolver, the sealing of secrets, event rows."""

from adapters.webhooks.resolver import SystemResolver
from adapters.webhooks.secrets import AesGcmEndpointSecrets
from adapters.webhooks.sender import HttpWebhookSender

__all__ = ["AesGcmEndpointSecrets", "HttpWebhookSender", "SystemResolver"]
