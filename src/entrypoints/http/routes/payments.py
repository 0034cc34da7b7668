"""The payment resource API (API.md section 3)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import HeaderParameter, PathParameter

from entrypoints.http.auth import SECURITY, current_merchant_id
from entrypoints.http.body import MalformedRequest, first_present, read_json_object
from entrypoints.http.dto import PaymentOut
from entrypoints.http.metrics import MeteredProcessPayment
from entrypoints.http.presenters import PAYMENTS_PATH, created_payment_response, payment_out
from entrypoints.http.responses import json_response
from paycore.use_cases import ProcessPaymentCommand, RetrievePayment
from paycore.validation import PaymentRequest

_PRINTABLE_KEY = re.compile(r"[\x20-\x7e]{1,255}")
_AUTH = {"merchant_id": Provide(current_merchant_id)}

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        description="1-255 printable characters; the same key with the same body replays.",
    ),
]


def checked_idempotency_key(key: str | None) -> str | None:
    if key is not None and not _PRINTABLE_KEY.fullmatch(key):
        raise MalformedRequest("Idempotency-Key must be 1 to 255 printable ASCII characters")
    return key


def payment_request_from(body: dict[str, Any], *, legacy: bool = False) -> PaymentRequest:
    """The raw fields for the domain to validate. Legacy clients may spell the expiry
    `exp_month`/`exp_year` and send amounts in major units (10.50, not 1050)."""
    months = ("exp_month", "expiry_month") if legacy else ("expiry_month",)
    years = ("exp_year", "expiry_year") if legacy else ("expiry_year",)
    return PaymentRequest(
        card_number=body.get("card_number"),
        expiry_month=first_present(body, *months),
        expiry_year=first_present(body, *years),
        cvv=body.get("cvv"),
        amount=body.get("amount"),
        currency=body.get("currency"),
        reference=body.get("reference"),
        metadata=body.get("metadata"),
        amount_unit="major" if legacy else "minor",
    )


@post(
    PAYMENTS_PATH,
    status_code=201,
    dependencies=_AUTH,
    security=SECURITY,
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
    process_payment: NamedDependency[MeteredProcessPayment],
    idempotency_key: IdempotencyKey = None,
) -> Response[PaymentOut]:
    key = checked_idempotency_key(idempotency_key)
    payment_request = payment_request_from(await read_json_object(request))
    result = await process_payment(ProcessPaymentCommand(merchant_id, payment_request, key))
    return created_payment_response(result)


@get(
    PAYMENTS_PATH + "/{payment_id:str}",
    dependencies=_AUTH,
    security=SECURITY,
    operation_id="getPayment",
    tags=["Payments"],
    summary="Retrieve a payment",
    description="The payment in its current status: poll it after a 202 `Pending` until it "
    "is `Authorized`, `Declined` or `Failed`.",
)
async def get_payment(
    merchant_id: NamedDependency[str],
    retrieve_payment: NamedDependency[RetrievePayment],
    payment_id: Annotated[str, PathParameter(description="The payment's id (a UUID)")],
) -> Response[PaymentOut]:
    payment = await retrieve_payment(merchant_id, payment_id)
    return json_response(payment_out(payment), 200)
