"""Use cases: the application services that orchestrate the domain through ports."""

from paycore.use_cases.action_replay import ActionResult
from paycore.use_cases.action_runner import ActionRunner
from paycore.use_cases.capture_payment import CapturePayment, CapturePaymentCommand
from paycore.use_cases.list_payments import ListPayments
from paycore.use_cases.process_payment import ProcessPayment, ProcessPaymentCommand
from paycore.use_cases.refund_payment import RefundPayment, RefundPaymentCommand
from paycore.use_cases.replay import PaymentResult
from paycore.use_cases.retrieve_payment import RetrievePayment
from paycore.use_cases.settle_pending import (
    SettlementPolicy,
    SettlementReport,
    SettlePendingPayments,
)
from paycore.use_cases.void_payment import VoidPayment, VoidPaymentCommand

__all__ = [
    "ActionResult",
    "ActionRunner",
    "CapturePayment",
    "CapturePaymentCommand",
    "ListPayments",
    "PaymentResult",
    "ProcessPayment",
    "ProcessPaymentCommand",
    "RefundPayment",
    "RefundPaymentCommand",
    "RetrievePayment",
    "SettlePendingPayments",
    "SettlementPolicy",
    "SettlementReport",
    "VoidPayment",
    "VoidPaymentCommand",
]
