"""The original design's routes and envelopes (API.md section 4), kept for old clients."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

from entrypoints.http.auth import SECURITY, current_merchant_id
from entrypoints.http.body import read_json_object
from entrypoints.http.dto import LegacyDetailsEnvelope, LegacyPaymentEnvelope
from entrypoints.http.metrics import MeteredProcessPayment
from entrypoints.http.presenters import legacy_created_response, legacy_details_response
from entrypoints.http.routes.payments import (
    IdempotencyKey,
    checked_idempotency_key,
    payment_request_from,
)
from paycore.errors import PaymentNotFound
from paycore.use_cases import ProcessPaymentCommand, RetrievePayment

_AUTH = {"merchant_id": Provide(current_merchant_id)}


@post(
    "/v1/process-payment",
    status_code=201,
    dependencies=_AUTH,
    security=SECURITY,
    operation_id="processPaymentLegacy",
    tags=["Legacy"],
    summary="Create a payment (legacy shape, amount in major units)",
    description="The original design's POST: the same validation, idempotency and bank call "
    "as POST /v1/payments, answered in the `{success, data}` envelope; a decline is a 402.",
)
async def process_payment_legacy(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    process_payment: NamedDependency[MeteredProcessPayment],
    idempotency_key: IdempotencyKey = None,
) -> Response[LegacyPaymentEnvelope]:
    key = checked_idempotency_key(idempotency_key)
    payment_request = payment_request_from(await read_json_object(request), legacy=True)
    result = await process_payment(ProcessPaymentCommand(merchant_id, payment_request, key))
    return legacy_created_response(result)


@get(
    "/v1/get-payment",
    dependencies=_AUTH,
    security=SECURITY,
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
