"""ListPayments: one page of a merchant's payments, newest first, found by keyset."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from paycore.list_request import NOT_A_CURSOR, PaymentListRequest, validate_list_request
from paycore.listing import Direction, PaymentPage, PaymentQuery, Position
from paycore.paging import turn_page
from paycore.payment import Payment
from paycore.ports import UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class ListPayments:
    """Section 8 paging (see paycore.paging). A cursor must be one of the merchant's own
    payments, matching the filters or not."""

    uow: UnitOfWorkFactory

    async def __call__(self, merchant_id: str, request: PaymentListRequest) -> PaymentPage:
        valid = validate_list_request(request)
        async with self.uow() as uow:

            async def fetch(start: Position | None, direction: Direction, n: int) -> list[Payment]:
                query = PaymentQuery(merchant_id, n, valid.filters, start, direction)
                return await uow.payments.list_for_merchant(query)

            find = partial(uow.payments.get, merchant_id)
            payments, has_more = await turn_page(valid.paging, find, fetch, NOT_A_CURSOR)
        return PaymentPage(payments, has_more)
