"""What each operation takes and answers, keyed by operationId (set on the route decorators):
request bodies, parameter schemas, every response with its headers and real examples."""

from __future__ import annotations

from entrypoints.http.openapi.operations import auth, legacy, service
from entrypoints.http.openapi.operations.create_payment import create_payment
from entrypoints.http.openapi.operations.payment_actions import (
    capture_payment,
    refund_payment,
    void_payment,
)
from entrypoints.http.openapi.operations.payment_reads import get_payment, list_payments
from entrypoints.http.openapi.operations.webhook_endpoints import (
    create_webhook_endpoint,
    delete_webhook_endpoint,
    list_webhook_endpoints,
)
from entrypoints.http.openapi.schemas.building import Json

OPERATIONS: dict[str, Json] = {
    "createPayment": create_payment(),
    "listPayments": list_payments(),
    "getPayment": get_payment(),
    "capturePayment": capture_payment(),
    "voidPayment": void_payment(),
    "refundPayment": refund_payment(),
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
}
