"""SQLite answers every list query (payments, events) from an index in the list's order:
no sort step."""

from __future__ import annotations

import pytest

from adapters.listing_sql import event_list_statement, list_statement
from adapters.sqlite.events import _COLUMNS as _EVENT_COLUMNS
from adapters.sqlite.payments import _COLUMNS
from adapters.sqlite.timestamps import to_micros
from paycore.event_listing import EventQuery
from paycore.events import EventType
from paycore.listing import Direction, PaymentFilters, PaymentQuery, Position
from paycore.payment import PaymentStatus
from tests.unit.adapters.builders import T0, later, new_id, payment

MERCHANT = new_id()
CURSOR = Position(later(T0, 500), new_id())
QUERIES = {
    "payments_merchant_created": PaymentQuery(MERCHANT, 11, start=CURSOR),
    "payments_merchant_status_created": PaymentQuery(
        MERCHANT, 11, PaymentFilters(status=PaymentStatus.AUTHORIZED), CURSOR, Direction.NEWER
    ),
    "payments_merchant_reference_created": PaymentQuery(
        MERCHANT, 11, PaymentFilters(reference="order-7", created_gte=T0), CURSOR
    ),
}


@pytest.mark.parametrize("index", sorted(QUERIES))
async def test_a_list_query_reads_its_index_in_order(sqlite_db, index: str) -> None:
    async with sqlite_db.unit_of_work() as uow:
        for i in range(300):
            p = payment(
                MERCHANT if i % 3 else new_id(),
                created_at=later(T0, i),
                reference=f"order-{i % 10}",
            )
            await uow.payments.add(p)
        await uow.commit()
    await sqlite_db.on_writer(lambda c: c.execute("ANALYZE"))
    sql, params = list_statement(
        QUERIES[index], columns=_COLUMNS, placeholder="?", moment=to_micros
    )
    await assert_reads_in_order(sqlite_db, sql, params, index)


async def assert_reads_in_order(sqlite_db, sql: str, params: list, index: str) -> None:
    plan = await sqlite_db.on_reader(
        lambda c: [row[-1] for row in c.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    )
    assert any(f"USING INDEX {index}" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # no sort


EVENT_QUERIES = {
    "events_merchant_created": EventQuery(MERCHANT, 11, start=CURSOR),
    "events_merchant_type_created": EventQuery(
        MERCHANT, 11, EventType.PAYMENT_DECLINED, CURSOR, Direction.NEWER
    ),
}


@pytest.mark.parametrize("index", sorted(EVENT_QUERIES))
async def test_an_event_list_query_reads_its_index_in_order(sqlite_db, index: str) -> None:
    async with sqlite_db.unit_of_work() as uow:
        for i in range(300):
            p = payment(MERCHANT if i % 3 else new_id(), created_at=later(T0, i))
            settle = p.authorize if i % 2 else p.decline
            settle("code", later(p.created_at, 1))
            await uow.payments.add(p)
        await uow.commit()
    await sqlite_db.on_writer(lambda c: c.execute("ANALYZE"))
    sql, params = event_list_statement(
        EVENT_QUERIES[index], columns=_EVENT_COLUMNS, placeholder="?", moment=to_micros
    )
    await assert_reads_in_order(sqlite_db, sql, params, index)
