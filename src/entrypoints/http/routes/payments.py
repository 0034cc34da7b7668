"""The payment resource API (API.md section 3)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency, Provide

from entrypoints.http.auth import SECURITY
from entrypoints.http.dto import PaymentOut
from entrypoints.http.payment_read import rate_limited_payment
from entrypoints.http.presenters import PAYMENTS_PATH, created_payment_response, payment_out
from entrypoints.http.responses import json_response
from entrypoints.http.routes.authenticated import RATE_LIMITED
from entrypoints.http.routes.payment_requests import (
    IdempotencyKey,
    ProcessPaymentUseCase,
    process_payment_command,
)
from paycore.payment import Payment


@post(
    PAYMENTS_PATH,
    status_code=201,
    **RATE_LIMITED,
    operation_id="createPayment",
    tags=["Payments"],
    summary="Create a payment",
    description="Validates the card and amount, records the payment, asks the bank to "
    "authorize it and answers its outcome: 201 `Authorized` or `Declined`, 202 `Pending` "
    "(the bank timed out; it settles by itself), 502/503 `Failed` (nothing was charged). "
    "Send an `Idempotency-Key` so that a retry after a network error can never charge twice.",
)
async def create_payment(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    process_payment: ProcessPaymentUseCase,
    idempotency_key: IdempotencyKey = None,
) -> Response[PaymentOut]:
    command = await process_payment_command(request, merchant_id, idempotency_key)
    return created_payment_response(await process_payment(command))


@get(
    PAYMENTS_PATH + "/{payment_id:str}",
    dependencies={"payment": Provide(rate_limited_payment)},
    security=SECURITY,
    operation_id="getPayment",
    tags=["Payments"],
    summary="Retrieve a payment",
    description="The payment in its current status: poll it after a 202 `Pending` until it "
    "is `Authorized`, `Declined` or `Failed`.",
)
async def get_payment(payment: NamedDependency[Payment]) -> Response[PaymentOut]:
    """The path's `payment_id` is the dependency's to read (and to describe)."""
    return json_response(payment_out(payment), 200)
