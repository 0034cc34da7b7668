"""PostgreSQL answers each list query with a range read of one index in the list's order:
no Seq Scan, no Sort, however many rows the table holds (EXPLAIN on 200 000 rows)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.listing_sql import list_statement
from adapters.postgres import PostgresDatabase
from adapters.postgres.payments import _SELECTED
from paycore.listing import Direction, PaymentFilters, PaymentQuery, Position
from paycore.payment import PaymentStatus
from tests.unit.adapters.builders import new_id

pytestmark = pytest.mark.integration

ROWS = 200_000
MERCHANTS = [new_id() for _ in range(20)]
START = datetime(2026, 1, 1, tzinfo=UTC)
# Reference i % 500 and status i % 4 spread over 20 merchants, a second apart: each
# reference 400 times in one merchant's rows (a subscription's, say). With rarer ones the
# planner may rightly pick a bitmap read and sort its few rows, which the statistics'
# random sample decides from one ANALYZE to the next.
_FILL = """
INSERT INTO payments (id, merchant_id, amount, currency, card_last4, card_brand,
    card_expiry_month, card_expiry_year, card_fingerprint, reference, status, version,
    created_at, updated_at, metadata)
SELECT gen_random_uuid(), (%(merchants)s::uuid[])[1 + i %% 20], 1050, 'USD', '4242', 'visa',
    12, 2030, 'fp', 'order-' || (i %% 500),
    (ARRAY['Pending', 'Authorized', 'Declined', 'Failed'])[1 + i %% 4], 1,
    %(start)s + i * interval '1 second', %(start)s + i * interval '1 second', '{}'
FROM generate_series(1, %(rows)s) AS i
"""


def queries(cursor: Position) -> dict[str, PaymentQuery]:
    merchant = MERCHANTS[3]
    day = PaymentFilters(
        status=PaymentStatus.AUTHORIZED,
        created_gte=START + timedelta(days=1),
        created_lt=START + timedelta(days=2),
    )
    return {
        "first page": PaymentQuery(merchant, 11),
        "deep page": PaymentQuery(merchant, 11, start=cursor),
        "newer page": PaymentQuery(merchant, 11, start=cursor, direction=Direction.NEWER),
        "a day's Authorized": PaymentQuery(merchant, 11, day, cursor),
        "by reference": PaymentQuery(merchant, 11, PaymentFilters(reference="order-63")),
    }


EXPECTED_INDEX = {
    "first page": "payments_merchant_created",
    "deep page": "payments_merchant_created",
    "newer page": "payments_merchant_created",
    "a day's Authorized": "payments_merchant_status_created",
    "by reference": "payments_merchant_reference_created",
}


async def test_every_list_query_is_an_index_scan_without_a_sort(pg_db: PostgresDatabase) -> None:
    async with pg_db.pool.connection() as conn:
        await conn.execute(_FILL, {"merchants": MERCHANTS, "start": START, "rows": ROWS})
        await conn.execute("ANALYZE payments")
    # Deep in the list: 100 000 seconds in, thousands of the merchant's rows on each side.
    cursor_row = await (
        await conn_execute(
            pg_db,
            "SELECT created_at, id::text FROM payments WHERE merchant_id = %s "
            "ORDER BY created_at, id OFFSET 2500 LIMIT 1",
            (MERCHANTS[3],),
        )
    ).fetchone()
    cursor = Position(*cursor_row)
    for name, query in queries(cursor).items():
        sql, params = list_statement(query, columns=_SELECTED, placeholder="%s", moment=_same)
        plan = "\n".join(
            row[0] for row in await (await conn_execute(pg_db, f"EXPLAIN {sql}", params)).fetchall()
        )
        print(f"-- {name}\n{plan}")
        assert f"Index Scan using {EXPECTED_INDEX[name]}" in plan or (
            f"Index Scan Backward using {EXPECTED_INDEX[name]}" in plan
        ), plan
        assert "Seq Scan" not in plan and "Sort" not in plan, plan


async def conn_execute(pg_db: PostgresDatabase, sql: str, params) -> object:
    async with pg_db.unit_of_work() as uow:
        return await uow.statements.read(sql, tuple(params))


def _same(moment: datetime) -> datetime:
    return moment
