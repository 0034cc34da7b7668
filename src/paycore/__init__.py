"""paycore: the pure domain of the paygate payment gateway (no I/O, no frameworks).

Use it directly from Python with the in-memory adapters in `adapters.memory`, or wire
real adapters (PostgreSQL, Redis, an HTTP bank) to the same ports.
"""

from paycore.errors import (
    FieldError,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    IllegalTransition,
    InvalidCredentials,
    InvalidEmail,
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
    Authenticate,
    ListPayments,
    NewMerchant,
    PaymentResult,
    ProcessPayment,
    ProcessPaymentCommand,
    RefreshSession,
    RegisterMerchant,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
    SignIn,
    TokenIssuer,
)
from paycore.validation import PaymentPolicy, PaymentRequest

__all__ = [
    "Authenticate",
    "Currency",
    "FailureReason",
    "FieldError",
    "IdempotencyKeyReused",
    "IdempotencyRequestInProgress",
    "IllegalTransition",
    "InvalidCredentials",
    "InvalidEmail",
    "InvalidToken",
    "ListPayments",
    "MerchantExists",
    "Money",
    "NewMerchant",
    "PaycoreError",
    "Payment",
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
    "RegisterMerchant",
    "RetrievePayment",
    "SettlePendingPayments",
    "SettlementPolicy",
    "SignIn",
    "TokenIssuer",
    "TokenLifetimes",
    "ValidationFailed",
]
