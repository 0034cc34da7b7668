"""ListPayments on the in-memory adapters: pages, cursors, filters and their properties."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.memory import InMemoryStore
from paycore import ListPayments, Payment, PaymentListRequest, PaymentStatus, ValidationFailed
from paycore.listing import Position
from tests.unit.adapters.builders import T0, new_id, payment
from tests.unit.paycore.strategies import PROPERTY

MERCHANT = new_id()


def stored(*payments: Payment) -> ListPayments:
    store = InMemoryStore()
    store.payments.update({p.id: p for p in payments})
    return ListPayments(uow=store.unit_of_work)


def newest_first(payments: list[Payment]) -> list[str]:
    return [p.id for p in sorted(payments, key=Position.of, reverse=True)]


async def walk_forward(list_payments: ListPayments, limit: int, **filters: object) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        page = await list_payments(
            MERCHANT, PaymentListRequest(limit=limit, starting_after=cursor, **filters)
        )
        assert len(page.payments) <= limit
        if page.has_more:
            assert len(page.payments) == limit
        seen += [p.id for p in page.payments]
        if not page.has_more:
            return seen
        cursor = page.payments[-1].id


async def walk_back(
    list_payments: ListPayments, limit: int, cursor: str, **filters: object
) -> list[str]:
    """From `cursor` towards the newest; the ids in the order walked (oldest first)."""
    walked: list[str] = []
    while True:
        page = await list_payments(
            MERCHANT, PaymentListRequest(limit=limit, ending_before=cursor, **filters)
        )
        ids = [p.id for p in page.payments]
        assert ids == newest_first(list(page.payments))  # each page still newest first
        walked += reversed(ids)
        if not page.has_more:
            return walked
        cursor = ids[0]


@st.composite
def merchant_payments(draw: st.DrawFn) -> list[Payment]:
    """A merchant's payments, often sharing a created_at (the id breaks the tie), among
    another merchant's that must never show."""
    made = []
    for _ in range(draw(st.integers(0, 25))):
        p = payment(
            draw(st.sampled_from([MERCHANT, MERCHANT, MERCHANT, "other"])),
            created_at=T0 + timedelta(seconds=draw(st.integers(0, 8))),
            reference=draw(st.sampled_from([None, "order-1", "order-2"])),
        )
        p.status = draw(st.sampled_from(PaymentStatus))
        made.append(p)
    return made


FILTERS = st.sampled_from(
    [
        {},
        {"status": "Authorized"},
        {"status": "Pending"},
        {"reference": "order-1"},
        {"created_gte": (T0 + timedelta(seconds=2)).isoformat()},
        {"created_lt": (T0 + timedelta(seconds=5)).isoformat()},
        {
            "created_gte": (T0 + timedelta(seconds=3)).isoformat(),
            "created_lt": (T0 + timedelta(seconds=6)).isoformat(),
            "status": "Declined",
        },
    ]
)


def matching(payments: list[Payment], filters: dict[str, str]) -> list[Payment]:
    gte, lt = (filters.get(bound) for bound in ("created_gte", "created_lt"))

    def keep(p: Payment) -> bool:
        return (
            p.merchant_id == MERCHANT
            and filters.get("status", p.status) == p.status
            and filters.get("reference", p.reference) == p.reference
            and (gte is None or p.created_at >= datetime.fromisoformat(gte))
            and (lt is None or p.created_at < datetime.fromisoformat(lt))
        )

    return [p for p in payments if keep(p)]


@PROPERTY
@given(merchant_payments(), st.integers(1, 7), FILTERS)
async def test_walking_forward_then_back_returns_every_payment_once_in_order(
    payments: list[Payment], limit: int, filters: dict[str, str]
) -> None:
    list_payments = stored(*payments)
    expected = newest_first(matching(payments, filters))
    forward = await walk_forward(list_payments, limit, **filters)
    assert forward == expected
    if expected:
        # From the oldest towards the newest: everything newer than it, reversed.
        back = await walk_back(list_payments, limit, expected[-1], **filters)
        assert back == list(reversed(expected[:-1]))


async def test_a_page_is_newest_first_and_says_whether_more_follow() -> None:
    a, b, c = (payment(MERCHANT, created_at=T0 + timedelta(seconds=s)) for s in range(3))
    list_payments = stored(a, b, c)
    first = await list_payments(MERCHANT, PaymentListRequest(limit=2))
    assert ([p.id for p in first.payments], first.has_more) == ([c.id, b.id], True)
    rest = await list_payments(MERCHANT, PaymentListRequest(limit=2, starting_after=b.id))
    assert ([p.id for p in rest.payments], rest.has_more) == ([a.id], False)
    newer = await list_payments(MERCHANT, PaymentListRequest(limit=1, ending_before=a.id))
    assert ([p.id for p in newer.payments], newer.has_more) == ([b.id], True)
    assert (await list_payments(MERCHANT, PaymentListRequest())).payments == (c, b, a)


async def test_a_cursor_outside_the_filter_still_marks_a_place() -> None:
    old, cursor, new = (payment(MERCHANT, created_at=T0 + timedelta(seconds=s)) for s in range(3))
    old.status = new.status = PaymentStatus.AUTHORIZED
    list_payments = stored(old, cursor, new)
    after = PaymentListRequest(starting_after=cursor.id, status="Authorized")
    assert [p.id for p in (await list_payments(MERCHANT, after)).payments] == [old.id]
    before = PaymentListRequest(ending_before=cursor.id, status="Authorized")
    assert [p.id for p in (await list_payments(MERCHANT, before)).payments] == [new.id]


@pytest.mark.parametrize("parameter", ["starting_after", "ending_before"])
async def test_a_cursor_that_is_not_the_merchants_payment_is_refused(parameter: str) -> None:
    theirs = payment("other")
    list_payments = stored(theirs, payment(MERCHANT))
    for cursor in (theirs.id, new_id()):
        with pytest.raises(ValidationFailed) as failed:
            await list_payments(MERCHANT, PaymentListRequest(**{parameter: cursor}))
        # The same words whether the payment exists elsewhere or nowhere.
        assert [(e.field, e.message) for e in failed.value.errors] == [
            (parameter, "must be the id of one of your payments")
        ]
