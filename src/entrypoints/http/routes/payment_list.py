"""GET /v1/payments: the merchant's payments, newest first, a page at a time."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.di import NamedDependency

from entrypoints.http.dto import PaymentListOut
from entrypoints.http.presenters import PAYMENTS_PATH, payment_out
from entrypoints.http.responses import json_response
from entrypoints.http.routes.authenticated import RATE_LIMITED
from entrypoints.http.routes.list_query import query_text, refuse_unknown_or_repeated
from paycore.list_request import PaymentListRequest
from paycore.listing import PaymentPage
from paycore.use_cases import ListPayments

_PARAMETERS = frozenset(PaymentListRequest.__dataclass_fields__)

Limit = query_text("1 to 100 payments per page (default 10)")
StartingAfter = query_text("A payment id: the page of payments older than it")
EndingBefore = query_text("A payment id: the page of payments newer than it (still newest first)")
Status = query_text("Only payments in this status: Pending, Authorized, Declined or Failed")
Reference = query_text("Only payments with exactly this reference")
CreatedGte = query_text("Only payments created at or after this RFC 3339 time")
CreatedLt = query_text("Only payments created before this RFC 3339 time")


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
    refuse_unknown_or_repeated(request, _PARAMETERS)
    page = await list_payments(
        merchant_id,
        PaymentListRequest(
            limit, starting_after, ending_before, status, reference, created_gte, created_lt
        ),
    )
    return json_response(page_out(page), 200)


def page_out(page: PaymentPage) -> PaymentListOut:
    return PaymentListOut([payment_out(p) for p in page.payments], page.has_more)
