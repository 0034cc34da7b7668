"""What each operation takes and answers, keyed by operationId (set on the route decorators):
request bodies, parameter schemas, every response with its headers and real examples."""

from __future__ import annotations

from entrypoints.http.openapi.operations import api_keys, auth, legacy, service
from entrypoints.http.openapi.operations.create_payment import create_payment
from entrypoints.http.openapi.operations.events import get_event, list_events
from entrypoints.http.openapi.operations.payment_actions import (
    capture_payment,
    refund_payment,
    void_payment,
)
from entrypoints.http.openapi.operations.payment_reads import get_payment, list_payments
from entrypoints.http.openapi.operations.rate_limits import with_rate_limits
from entrypoints.http.openapi.operations.webhook_endpoints import (
    create_webhook_endpoint,
    delete_webhook_endpoint,
    list_webhook_endpoints,
)
from entrypoints.http.openapi.schemas.building import Json

OPERATIONS: dict[str, Json] = with_rate_limits(
    {
        "createPayment": create_payment(),
        "listPayments": list_payments(),
        "getPayment": get_payment(),
        "capturePayment": capture_payment(),
        "voidPayment": void_payment(),
        "refundPayment": refund_payment(),
        "listEvents": list_events(),
        "getEvent": get_event(),
        "createWebhookEndpoint": create_webhook_endpoint(),
        "listWebhookEndpoints": list_webhook_endpoints(),
        "deleteWebhookEndpoint": delete_webhook_endpoint(),
        "processPaymentLegacy": legacy.process_payment_legacy(),
        "getPaymentLegacy": legacy.get_payment_legacy(),
        "generateAccessToken": auth.generate_access_token(),
        "refreshToken": auth.refresh_token(),
        "health": service.health(),
        "ready": service.ready(),
        "metrics": service.metrics(),
        "createApiKey": api_keys.create_api_key(),
        "listApiKeys": api_keys.list_api_keys(),
        "revokeApiKey": api_keys.revoke_api_key(),
    }
)
