"""Use cases: the application services that orchestrate the domain through ports."""

from paycore.use_cases.action_replay import ActionResult
from paycore.use_cases.action_runner import ActionRunner
from paycore.use_cases.api_keys import CreateApiKey, ListApiKeys, RevokeApiKey
from paycore.use_cases.authenticate import Authenticate
from paycore.use_cases.capture_payment import CapturePayment, CapturePaymentCommand
from paycore.use_cases.deliver_webhook import DeliverWebhook
from paycore.use_cases.expire_authorizations import (
    ExpireAuthorizations,
    ExpiryPolicy,
    ExpiryReport,
)
from paycore.use_cases.key_issuance import KeyIssuer
from paycore.use_cases.list_events import ListEvents
from paycore.use_cases.list_payments import ListPayments
from paycore.use_cases.merchant_admin import DisableMerchant, RotateApiKey
from paycore.use_cases.process_payment import ProcessPayment, ProcessPaymentCommand
from paycore.use_cases.purge_expired import PurgeExpired, PurgeReport, RetentionPolicy
from paycore.use_cases.refresh_session import RefreshedSession, RefreshSession
from paycore.use_cases.refund_payment import RefundPayment, RefundPaymentCommand
from paycore.use_cases.register_merchant import NewMerchant, RegisterMerchant
from paycore.use_cases.replay import PaymentResult
from paycore.use_cases.retrieve_event import EventWithDeliveries, RetrieveEvent
from paycore.use_cases.retrieve_payment import RetrievePayment
from paycore.use_cases.settle_actions import ActionSettlementReport, SettlePendingActions
from paycore.use_cases.settle_pending import (
    SettlementPolicy,
    SettlementReport,
    SettlePendingPayments,
)
from paycore.use_cases.sign_in import SignIn
from paycore.use_cases.token_issuance import TokenIssuer
from paycore.use_cases.void_payment import VoidPayment, VoidPaymentCommand
from paycore.use_cases.webhook_endpoints import (
    DeleteWebhookEndpoint,
    ListWebhookEndpoints,
    RegisterWebhookEndpoint,
)

__all__ = [
    "ActionResult",
    "ActionRunner",
    "ActionSettlementReport",
    "Authenticate",
    "CapturePayment",
    "CapturePaymentCommand",
    "CreateApiKey",
    "DeleteWebhookEndpoint",
    "DeliverWebhook",
    "DisableMerchant",
    "EventWithDeliveries",
    "ExpireAuthorizations",
    "ExpiryPolicy",
    "ExpiryReport",
    "KeyIssuer",
    "ListApiKeys",
    "ListEvents",
    "ListPayments",
    "ListWebhookEndpoints",
    "NewMerchant",
    "PaymentResult",
    "ProcessPayment",
    "ProcessPaymentCommand",
    "PurgeExpired",
    "PurgeReport",
    "RefreshSession",
    "RefreshedSession",
    "RefundPayment",
    "RefundPaymentCommand",
    "RegisterMerchant",
    "RegisterWebhookEndpoint",
    "RetentionPolicy",
    "RetrieveEvent",
    "RetrievePayment",
    "RevokeApiKey",
    "RotateApiKey",
    "SettlePendingActions",
    "SettlePendingPayments",
    "SettlementPolicy",
    "SettlementReport",
    "SignIn",
    "TokenIssuer",
    "VoidPayment",
    "VoidPaymentCommand",
]
