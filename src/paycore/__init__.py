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
    PaycoreError,
    PaymentNotFound,
    ValidationFailed,
)
from paycore.list_request import PaymentListRequest
from paycore.listing import PaymentFilters, PaymentPage
from paycore.money import Currency, Money
from paycore.payment import FailureReason, Payment, PaymentStatus
from paycore.use_cases import (
    ListPayments,
    PaymentResult,
    ProcessPayment,
    ProcessPaymentCommand,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
)
from paycore.validation import PaymentPolicy, PaymentRequest

__all__ = [
    "Currency",
    "FailureReason",
    "FieldError",
    "IdempotencyKeyReused",
    "IdempotencyRequestInProgress",
    "IllegalTransition",
    "InvalidCredentials",
    "ListPayments",
    "Money",
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
    "RetrievePayment",
    "SettlePendingPayments",
    "SettlementPolicy",
    "ValidationFailed",
]
