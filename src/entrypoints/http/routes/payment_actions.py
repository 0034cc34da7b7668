"""Capture, void and refund of a payment (API.md section 7)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, post
from litestar.di import NamedDependency
from litestar.params import PathParameter

from entrypoints.http.dto import PaymentOut
from entrypoints.http.presenters import PAYMENTS_PATH, action_response
from entrypoints.http.routes.action_requests import capture_command, refund_command, void_command
from entrypoints.http.routes.authenticated import RATE_LIMITED
from entrypoints.http.routes.payment_requests import IdempotencyKey
from paycore.use_cases import CapturePayment, RefundPayment, VoidPayment

PaymentId = Annotated[str, PathParameter(description="The payment's id (a UUID)")]
_ANSWERS = (
    "Answers 201 with the payment once the bank confirmed the action, 202 while its outcome "
    "is unknown (the action is `Pending` and settles by itself), 502/503 when the bank "
    "refused it or could not be reached (the action is `Failed`, the payment unchanged), "
    "409 `invalid-state` when the payment's status does not allow it."
)


@post(
    PAYMENTS_PATH + "/{payment_id:str}/captures",
    status_code=201,
    **RATE_LIMITED,
    operation_id="capturePayment",
    tags=["Payments"],
    summary="Capture a payment",
    description="Collects `amount` (minor units; default: everything left to capture) of an "
    "authorized payment; partial captures may add up to the authorized amount, never more "
    "(422 `amount-too-large`). " + _ANSWERS,
)
async def capture_payment(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    capture_payment: NamedDependency[CapturePayment],
    payment_id: PaymentId,
    idempotency_key: IdempotencyKey = None,
) -> Response[PaymentOut]:
    command = await capture_command(request, merchant_id, payment_id, idempotency_key)
    return action_response(await capture_payment(command))


@post(
    PAYMENTS_PATH + "/{payment_id:str}/voids",
    status_code=201,
    **RATE_LIMITED,
    operation_id="voidPayment",
    tags=["Payments"],
    summary="Void a payment",
    description="Releases the whole authorization of a payment of which nothing is "
    "captured (no body). " + _ANSWERS,
)
async def void_payment(
    merchant_id: NamedDependency[str],
    void_payment: NamedDependency[VoidPayment],
    payment_id: PaymentId,
    idempotency_key: IdempotencyKey = None,
) -> Response[PaymentOut]:
    return action_response(
        await void_payment(void_command(merchant_id, payment_id, idempotency_key))
    )


@post(
    PAYMENTS_PATH + "/{payment_id:str}/refunds",
    status_code=201,
    **RATE_LIMITED,
    operation_id="refundPayment",
    tags=["Payments"],
    summary="Refund a payment",
    description="Gives back `amount` (minor units; default: everything captured and not yet "
    "refunded) with an optional `reason`; partial refunds may add up to the captured "
    "amount, never more (422 `amount-too-large`). A refund of a partly captured payment "
    "ends its capturing. " + _ANSWERS,
)
async def refund_payment(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    refund_payment: NamedDependency[RefundPayment],
    payment_id: PaymentId,
    idempotency_key: IdempotencyKey = None,
) -> Response[PaymentOut]:
    command = await refund_command(request, merchant_id, payment_id, idempotency_key)
    return action_response(await refund_payment(command))
