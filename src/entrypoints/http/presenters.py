"""How a payment looks on the wire: the resource shape and the legacy envelopes, with the
status the outcomes package gives each outcome of a payment request."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from litestar import Response

from entrypoints.http.dto import (
    ActionOut,
    CardOut,
    LegacyDetailsData,
    LegacyDetailsEnvelope,
    LegacyPaymentData,
    LegacyPaymentDetails,
    LegacyPaymentEnvelope,
    PaymentOut,
)
from entrypoints.http.errors import problem_response
from entrypoints.http.outcomes import (
    action_status_code,
    failed_action_error,
    failed_payment_error,
    status_code_for,
)
from entrypoints.http.responses import json_response
from paycore.actions import ActionStatus, PaymentAction
from paycore.payment import Payment, PaymentStatus
from paycore.use_cases import ActionResult, PaymentResult

PAYMENTS_PATH = "/v1/payments"
# When the bank gave no hint: long enough not to hammer it, short enough to matter.
DEFAULT_RETRY_AFTER_SECONDS = 5


def payment_out(payment: Payment) -> PaymentOut:
    card = payment.card
    return PaymentOut(
        id=payment.id,
        status=payment.status.value,
        amount=payment.amount.minor,
        currency=payment.amount.currency.code,
        card=CardOut(
            last4=card.last4,
            masked_number=card.masked_number,
            brand=card.brand,
            expiry_month=card.expiry.month,
            expiry_year=card.expiry.year,
        ),
        reference=payment.reference,
        metadata=dict(payment.metadata),
        authorization_code=payment.authorization_code,
        decline_reason=payment.decline_reason,
        created_at=timestamp(payment.created_at),
        updated_at=timestamp(payment.updated_at),
        captured_amount=payment.captured_amount,
        refunded_amount=payment.refunded_amount,
        actions=[action_out(action) for action in payment.actions],
    )


def action_out(action: PaymentAction) -> ActionOut:
    # Never the merchant's Idempotency-Key, nor why the bank failed: the status says it.
    return ActionOut(
        id=action.id,
        type=action.type.value,
        amount=action.amount,
        status=action.status.value,
        reason=action.reason,
        created_at=timestamp(action.created_at),
        updated_at=timestamp(action.updated_at),
    )


def created_payment_response(result: PaymentResult) -> Response[Any]:
    payment = result.payment
    status = status_code_for(payment)
    headers = _outcome_headers(result, status)
    if payment.status is PaymentStatus.FAILED:
        failure = replace(failed_payment_error(payment), headers=headers)
        return problem_response(failure, payment_id=payment.id)
    headers["Location"] = f"{PAYMENTS_PATH}/{payment.id}"
    return json_response(payment_out(payment), status, headers=headers)


def action_response(result: ActionResult) -> Response[Any]:
    """The payment as the action left it, or the problem when the action Failed."""
    payment, action = result.payment, result.action
    status = action_status_code(action)
    headers = _outcome_headers(result, status)
    if action.status is ActionStatus.FAILED:
        failure = replace(failed_action_error(action), headers=headers)
        return problem_response(failure, payment_id=payment.id)
    headers["Location"] = f"{PAYMENTS_PATH}/{payment.id}"
    return json_response(payment_out(payment), status, headers=headers)


def legacy_created_response(result: PaymentResult) -> Response[Any]:
    payment = result.payment
    status = status_code_for(payment, legacy=True)
    message, success = LEGACY_OUTCOMES[payment.status]
    data = LegacyPaymentData(message, payment.id, payment.status.value)
    # Declined is a definite answer (402 with data only); Pending and Failed also explain.
    explain = payment.status in {PaymentStatus.PENDING, PaymentStatus.FAILED}
    body = LegacyPaymentEnvelope(success, data, message.lower() if explain else None)
    return json_response(body, status, headers=_outcome_headers(result, status))


def legacy_details_response(payment: Payment) -> Response[Any]:
    details = LegacyPaymentDetails(
        payment_id=payment.id,
        masked_card_number=payment.card.masked_number,
        amount=payment.amount.to_major(),
        currency=payment.amount.currency.code,
        status=payment.status.value,
    )
    return json_response(LegacyDetailsEnvelope(True, LegacyDetailsData(details)), 200)


LEGACY_OUTCOMES = {
    PaymentStatus.AUTHORIZED: ("Payment processed successfully", True),
    PaymentStatus.DECLINED: ("Payment declined", False),
    PaymentStatus.PENDING: ("Payment pending: the bank has not answered yet", False),
    PaymentStatus.FAILED: ("Payment failed: the bank could not process it", False),
}


def _outcome_headers(result: PaymentResult | ActionResult, status: int) -> dict[str, str]:
    headers: dict[str, str] = {}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    if status == 503:
        retry_after = result.retry_after_seconds or DEFAULT_RETRY_AFTER_SECONDS
        headers["Retry-After"] = str(max(1, retry_after))
    return headers


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a Z, as API.md shows."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
