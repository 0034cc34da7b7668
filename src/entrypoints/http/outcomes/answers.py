"""The status of an answer about a payment or an action, and the error a failed one is."""

from __future__ import annotations

from entrypoints.http.outcomes.http_error import HttpError
from paycore.actions import ActionStatus, PaymentAction
from paycore.payment import FailureReason, Payment, PaymentStatus

# A new payment exists whatever its status, except a Failed one (502/503) and one the bank
# has not answered (202); lifecycle statuses come from "capture": true, or from a key's
# replay of a payment that has moved on since.
_PAYMENT_STATUS_CODES: dict[PaymentStatus, int] = {
    status: 202 if status is PaymentStatus.PENDING else 201
    for status in PaymentStatus
    if status is not PaymentStatus.FAILED
}
# The original design answers a decline as 402 Payment Required.
_LEGACY_STATUS_CODES = _PAYMENT_STATUS_CODES | {PaymentStatus.DECLINED: 402}
_BANK_UNAVAILABLE = HttpError(
    503, "payment-failed", "Bank unavailable", "the bank could not be reached; nothing was charged"
)
_BANK_ERROR = HttpError(
    502,
    "payment-failed",
    "Bank error",
    "the bank could not process the payment; nothing was charged",
)
_UNREACHED_BANK = {FailureReason.BANK_UNAVAILABLE, FailureReason.CIRCUIT_OPEN}
_ACTION_STATUS_CODES = {ActionStatus.SUCCEEDED: 201, ActionStatus.PENDING: 202}
_ACTION_BANK_UNAVAILABLE = HttpError(
    503,
    "action-failed",
    "Bank unavailable",
    "the bank could not be reached; the payment is unchanged, retry after Retry-After seconds",
)
_ACTION_BANK_ERROR = HttpError(
    502,
    "action-failed",
    "Bank refused",
    "the bank refused the action or answered an error; the payment is unchanged",
)


def status_code_for(payment: Payment, *, legacy: bool = False) -> int:
    codes = _LEGACY_STATUS_CODES if legacy else _PAYMENT_STATUS_CODES
    return codes.get(payment.status) or failed_payment_error(payment).status


def failed_payment_error(payment: Payment) -> HttpError:
    return _BANK_UNAVAILABLE if payment.failure_reason in _UNREACHED_BANK else _BANK_ERROR


def action_status_code(action: PaymentAction) -> int:
    """201 once the bank confirmed the action, 202 while its outcome is unknown."""
    return _ACTION_STATUS_CODES.get(action.status) or failed_action_error(action).status


def failed_action_error(action: PaymentAction) -> HttpError:
    unreached = action.failure_reason in _UNREACHED_BANK
    return _ACTION_BANK_UNAVAILABLE if unreached else _ACTION_BANK_ERROR
