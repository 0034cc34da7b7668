"""The original design's routes and envelopes (API.md section 4), kept for old clients."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from entrypoints.http.dto import LegacyDetailsEnvelope, LegacyPaymentEnvelope
from entrypoints.http.presenters import legacy_created_response, legacy_details_response
from entrypoints.http.routes.authenticated import RATE_LIMITED
from entrypoints.http.routes.payment_requests import (
    IdempotencyKey,
    ProcessPaymentUseCase,
    process_payment_command,
)
from paycore.errors import PaymentNotFound
from paycore.use_cases import RetrievePayment


@post(
    "/v1/process-payment",
    status_code=201,
    **RATE_LIMITED,
    operation_id="processPaymentLegacy",
    tags=["Legacy"],
    summary="Create a payment (legacy shape, amount in major units)",
    description="The original design's POST: the same validation, idempotency and bank call "
    "as POST /v1/payments, answered in the `{success, data}` envelope; a decline is a 402.",
)
async def process_payment_legacy(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    process_payment: ProcessPaymentUseCase,
    idempotency_key: IdempotencyKey = None,
) -> Response[LegacyPaymentEnvelope]:
    command = await process_payment_command(request, merchant_id, idempotency_key, legacy=True)
    return legacy_created_response(await process_payment(command))


@get(
    "/v1/get-payment",
    **RATE_LIMITED,
    operation_id="getPaymentLegacy",
    tags=["Legacy"],
    summary="Retrieve a payment (legacy shape, amount in major units)",
)
async def get_payment_legacy(
    merchant_id: NamedDependency[str],
    retrieve_payment: NamedDependency[RetrievePayment],
    payment_id: Annotated[str | None, QueryParameter(required=False)] = None,
) -> Response[LegacyDetailsEnvelope]:
    if not payment_id:
        raise PaymentNotFound("")
    payment = await retrieve_payment(merchant_id, payment_id)
    return legacy_details_response(payment)
