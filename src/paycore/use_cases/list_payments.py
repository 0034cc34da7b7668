"""ListPayments: one page of a merchant's payments, newest first, found by keyset."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.errors import FieldError, ValidationFailed
from paycore.list_request import NOT_A_CURSOR, PaymentListRequest, validate_list_request
from paycore.listing import Direction, PaymentPage, PaymentQuery, Position
from paycore.ports import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class ListPayments:
    """Stripe's list semantics: `starting_after` pages towards older payments,
    `ending_before` towards newer ones (the page just newer than the cursor, still newest
    first). A cursor must be one of the merchant's own payments, matching the filters or
    not; anything else is refused exactly like a malformed id."""

    uow: UnitOfWorkFactory

    async def __call__(self, merchant_id: str, request: PaymentListRequest) -> PaymentPage:
        valid = validate_list_request(request)
        direction = Direction.NEWER if valid.ending_before is not None else Direction.OLDER
        async with self.uow() as uow:
            start = await _position(uow, merchant_id, valid.starting_after, "starting_after")
            if start is None:
                start = await _position(uow, merchant_id, valid.ending_before, "ending_before")
            # One more than asked: whether it exists is `has_more`, without a count.
            query = PaymentQuery(merchant_id, valid.limit + 1, valid.filters, start, direction)
            found = await uow.payments.list_for_merchant(query)
        page = found[: valid.limit]
        if direction is Direction.NEWER:
            page.reverse()
        return PaymentPage(tuple(page), has_more=len(found) > valid.limit)


async def _position(
    uow: UnitOfWork, merchant_id: str, cursor: str | None, parameter: str
) -> Position | None:
    if cursor is None:
        return None
    payment = await uow.payments.get(merchant_id, cursor)
    if payment is None:
        raise ValidationFailed([FieldError(parameter, NOT_A_CURSOR)])
    return Position.of(payment)
