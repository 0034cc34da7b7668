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
from paycore.money import Currency, Money
from paycore.payment import FailureReason, Payment, PaymentStatus
from paycore.use_cases import (
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
    "Money",
    "PaycoreError",
    "Payment",
    "PaymentNotFound",
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
