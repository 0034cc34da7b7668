"""GET /v1/payments: the merchant's payments, newest first, a page at a time."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from entrypoints.http.dto import PaymentListOut
from entrypoints.http.presenters import PAYMENTS_PATH, payment_out
from entrypoints.http.responses import json_response
from entrypoints.http.routes.authenticated import RATE_LIMITED
from paycore.errors import FieldError, ValidationFailed
from paycore.list_request import PaymentListRequest
from paycore.listing import PaymentPage
from paycore.use_cases import ListPayments

_PARAMETERS = frozenset(PaymentListRequest.__dataclass_fields__)
# A list changes with every payment made: no cache along the way may answer it.
_NO_STORE = {"Cache-Control": "no-store"}


def _text(description: str) -> Any:
    # Text, checked by the domain, so every bad parameter is reported at once.
    return Annotated[str | None, QueryParameter(required=False, description=description)]


Limit = _text("1 to 100 payments per page (default 10)")
StartingAfter = _text("A payment id: the page of payments older than it")
EndingBefore = _text("A payment id: the page of payments newer than it (still newest first)")
Status = _text("Only payments in this status: Pending, Authorized, Declined or Failed")
Reference = _text("Only payments with exactly this reference")
CreatedGte = _text("Only payments created at or after this RFC 3339 time")
CreatedLt = _text("Only payments created before this RFC 3339 time")


@get(
    PAYMENTS_PATH,
    **RATE_LIMITED,
    operation_id="listPayments",
    tags=["Payments"],
    summary="List payments",
    description="The merchant's payments, newest first, a page at a time (keyset cursors "
    "`starting_after` / `ending_before`), filtered by status, reference and creation time.",
)
async def list_payments(
    request: Request[Any, Any, Any],
    merchant_id: NamedDependency[str],
    list_payments: NamedDependency[ListPayments],
    limit: Limit = None,
    starting_after: StartingAfter = None,
    ending_before: EndingBefore = None,
    status: Status = None,
    reference: Reference = None,
    created_gte: CreatedGte = None,
    created_lt: CreatedLt = None,
) -> Response[PaymentListOut]:
    _refuse_unknown_or_repeated(request)
    page = await list_payments(
        merchant_id,
        PaymentListRequest(
            limit, starting_after, ending_before, status, reference, created_gte, created_lt
        ),
    )
    return json_response(page_out(page), 200, headers=_NO_STORE)


def page_out(page: PaymentPage) -> PaymentListOut:
    return PaymentListOut([payment_out(p) for p in page.payments], page.has_more)


def _refuse_unknown_or_repeated(request: Request[Any, Any, Any]) -> None:
    """As Stripe: a misspelt filter must not silently list everything."""
    query = request.query_params
    errors = [
        FieldError(name, "is not a parameter of this list")
        for name in query
        if name not in _PARAMETERS
    ]
    errors += [
        FieldError(name, "must be given once")
        for name in query
        if name in _PARAMETERS and len(query.getall(name)) > 1
    ]
    if errors:
        raise ValidationFailed(errors)
