"""Use cases: the application services that orchestrate the domain through ports."""

from paycore.use_cases.list_payments import ListPayments
from paycore.use_cases.process_payment import ProcessPayment, ProcessPaymentCommand
from paycore.use_cases.replay import PaymentResult
from paycore.use_cases.retrieve_payment import RetrievePayment
from paycore.use_cases.settle_pending import (
    SettlementPolicy,
    SettlementReport,
    SettlePendingPayments,
)

__all__ = [
    "ListPayments",
    "PaymentResult",
    "ProcessPayment",
    "ProcessPaymentCommand",
    "RetrievePayment",
    "SettlePendingPayments",
    "SettlementPolicy",
    "SettlementReport",
]
