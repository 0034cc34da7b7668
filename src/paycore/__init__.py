"""paycore: the pure domain of the paygate payment gateway (no I/O, no frameworks).

Use it directly from Python with the in-memory adapters in `adapters.memory`, or wire
real adapters (PostgreSQL, Redis, an HTTP bank) to the same ports.
"""

from paycore.actions import ActionStatus, ActionType, PaymentAction
from paycore.errors import (
    ActionsUnsupported,
    AmountTooLarge,
    FieldError,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    IllegalTransition,
    InvalidCredentials,
    InvalidEmail,
    InvalidPaymentState,
    InvalidToken,
    MerchantExists,
    PaycoreError,
    PaymentNotFound,
    ValidationFailed,
)
from paycore.list_request import PaymentListRequest
from paycore.listing import PaymentFilters, PaymentPage
from paycore.money import Currency, Money
from paycore.payment import FailureReason, Payment, PaymentStatus
from paycore.token_claims import TokenLifetimes
from paycore.use_cases import (
    ActionResult,
    ActionRunner,
    Authenticate,
    CapturePayment,
    CapturePaymentCommand,
    ListPayments,
    NewMerchant,
    PaymentResult,
    ProcessPayment,
    ProcessPaymentCommand,
    RefreshSession,
    RefundPayment,
    RefundPaymentCommand,
    RegisterMerchant,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
    SignIn,
    TokenIssuer,
    VoidPayment,
    VoidPaymentCommand,
)
from paycore.validation import PaymentPolicy, PaymentRequest

__all__ = [
    "ActionResult",
    "ActionRunner",
    "ActionStatus",
    "ActionType",
    "ActionsUnsupported",
    "AmountTooLarge",
    "Authenticate",
    "CapturePayment",
    "CapturePaymentCommand",
    "Currency",
    "FailureReason",
    "FieldError",
    "IdempotencyKeyReused",
    "IdempotencyRequestInProgress",
    "IllegalTransition",
    "InvalidCredentials",
    "InvalidEmail",
    "InvalidPaymentState",
    "InvalidToken",
    "ListPayments",
    "MerchantExists",
    "Money",
    "NewMerchant",
    "PaycoreError",
    "Payment",
    "PaymentAction",
    "PaymentFilters",
    "PaymentListRequest",
    "PaymentNotFound",
    "PaymentPage",
    "PaymentPolicy",
    "PaymentRequest",
    "PaymentResult",
    "PaymentStatus",
    "ProcessPayment",
    "ProcessPaymentCommand",
    "RefreshSession",
    "RefundPayment",
    "RefundPaymentCommand",
    "RegisterMerchant",
    "RetrievePayment",
    "SettlePendingPayments",
    "SettlementPolicy",
    "SignIn",
    "TokenIssuer",
    "TokenLifetimes",
    "ValidationFailed",
    "VoidPayment",
    "VoidPaymentCommand",
]
