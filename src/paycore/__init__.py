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
    InvalidPaymentState,
    PaycoreError,
    PaymentNotFound,
    ValidationFailed,
)
from paycore.list_request import PaymentListRequest
from paycore.listing import PaymentFilters, PaymentPage
from paycore.money import Currency, Money
from paycore.payment import FailureReason, Payment, PaymentStatus
from paycore.use_cases import (
    ActionResult,
    ActionRunner,
    CapturePayment,
    CapturePaymentCommand,
    ListPayments,
    PaymentResult,
    ProcessPayment,
    ProcessPaymentCommand,
    RefundPayment,
    RefundPaymentCommand,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
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
    "CapturePayment",
    "CapturePaymentCommand",
    "Currency",
    "FailureReason",
    "FieldError",
    "IdempotencyKeyReused",
    "IdempotencyRequestInProgress",
    "IllegalTransition",
    "InvalidCredentials",
    "InvalidPaymentState",
    "ListPayments",
    "Money",
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
    "RefundPayment",
    "RefundPaymentCommand",
    "RetrievePayment",
    "SettlePendingPayments",
    "SettlementPolicy",
    "ValidationFailed",
    "VoidPayment",
    "VoidPaymentCommand",
]
