"""PostgreSQL answers each events list query with a range read of one index of migration
0007 in the list's order: no Seq Scan, no Sort (EXPLAIN on 100 000 events)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.listing_sql import event_list_statement
from adapters.postgres import PostgresDatabase
from adapters.postgres.events import _COLUMNS
from paycore.event_listing import EventQuery
from paycore.events import EventType
from paycore.listing import Direction, Position
from tests.integration.storage.test_postgres_list_plan import _same, conn_execute
from tests.unit.adapters.builders import new_id

pytestmark = pytest.mark.integration

ROWS = 100_000
MERCHANTS = [new_id() for _ in range(20)]
START = datetime(2026, 1, 1, tzinfo=UTC)
TYPES = [t.value for t in EventType]
_FILL = """
INSERT INTO events (id, merchant_id, type, created_at, payment_id, payment)
SELECT 'evt_' || md5(i::text), (%(merchants)s::uuid[])[1 + i %% 20],
    (%(types)s::text[])[1 + i %% 8], %(start)s + i * interval '1 second',
    gen_random_uuid(), '{}'
FROM generate_series(1, %(rows)s) AS i
"""


async def test_every_event_list_query_is_an_index_scan_without_a_sort(
    pg_db: PostgresDatabase,
) -> None:
    async with pg_db.pool.connection() as conn:
        fill = {"merchants": MERCHANTS, "types": TYPES, "start": START, "rows": ROWS}
        await conn.execute(_FILL, fill)
        await conn.execute("ANALYZE events")
    merchant = MERCHANTS[3]
    row = await (
        await conn_execute(
            pg_db,
            "SELECT created_at, id FROM events WHERE merchant_id = %s "
            "ORDER BY created_at, id OFFSET 2500 LIMIT 1",
            (merchant,),
        )
    ).fetchone()
    cursor = Position(*row)
    queries = {
        "first page": (EventQuery(merchant, 11), "events_merchant_created"),
        "deep page": (EventQuery(merchant, 11, start=cursor), "events_merchant_created"),
        "newer page": (
            EventQuery(merchant, 11, start=cursor, direction=Direction.NEWER),
            "events_merchant_created",
        ),
        "one type": (
            EventQuery(merchant, 11, EventType.PAYMENT_CAPTURED, cursor),
            "events_merchant_type_created",
        ),
    }
    for name, (query, index) in queries.items():
        sql, params = event_list_statement(query, columns=_COLUMNS, placeholder="%s", moment=_same)
        explained = await (await conn_execute(pg_db, f"EXPLAIN {sql}", params)).fetchall()
        plan = "\n".join(line for (line,) in explained)
        print(f"-- {name}\n{plan}")
        assert f"Index Scan using {index}" in plan or f"Index Scan Backward using {index}" in plan
        assert "Seq Scan" not in plan and "Sort" not in plan, plan
