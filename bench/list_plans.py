"""How a payment list page is read at millions of rows: EXPLAIN (ANALYZE, BUFFERS) of the
gateway's own list statements on PostgreSQL.

Creates a scratch database `paygate_bench_lists_*`, migrates it, fills `--rows` payments
(half of them one merchant's, the rest spread over 99 others, one a second), prints the
plan, time and buffers of a first page, a deep page, the newer page, a day's Authorized
and a reference lookup, then drops the database.

    uv run python -m bench.list_plans --rows 2000000
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import psycopg
from psycopg import sql

from adapters.listing_sql import list_statement
from adapters.postgres import PostgresDatabase
from adapters.postgres.payments import _SELECTED
from paycore.listing import Direction, PaymentFilters, PaymentQuery, Position
from paycore.payment import PaymentStatus

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
START = datetime(2026, 1, 1, tzinfo=UTC)
BIG = str(uuid.uuid4())
_FILL = """
INSERT INTO payments (id, merchant_id, amount, currency, card_last4, card_brand,
    card_expiry_month, card_expiry_year, card_fingerprint, reference, status, version,
    created_at, updated_at, metadata)
SELECT gen_random_uuid(), CASE WHEN i %% 2 = 0 THEN %(big)s::uuid
        ELSE (%(others)s::uuid[])[1 + i %% 99] END,
    1050, 'USD', '4242', 'visa', 12, 2030, 'fp', 'order-' || i,
    (ARRAY['Pending', 'Authorized', 'Declined', 'Failed'])[1 + (i / 2) %% 4], 1,
    %(start)s + i * interval '1 second', %(start)s + i * interval '1 second',
    '{"order_id": "x"}'
FROM generate_series(1, %(rows)s) AS i
"""


async def main(rows: int) -> None:
    name = f"paygate_bench_lists_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        db = await PostgresDatabase.open(ADMIN_URL.rsplit("/", 1)[0] + "/" + name, 1, 2)
        await db.migrate()
        async with db.pool.connection() as conn:
            others = [str(uuid.uuid4()) for _ in range(99)]
            params = {"big": BIG, "others": others, "start": START, "rows": rows}
            await conn.execute(_FILL, params)
            await conn.execute("VACUUM ANALYZE payments")
            # 90 % of the way down the big merchant's list, newest first.
            cursor = await conn.execute(
                "SELECT created_at, id::text FROM payments WHERE merchant_id = %s "
                "ORDER BY created_at, id OFFSET %s LIMIT 1",
                (BIG, rows // 20),
            )
            deep = Position(*(await cursor.fetchone()))  # type: ignore[misc]
            for title, query in _queries(deep).items():
                statement, values = list_statement(
                    query, columns=_SELECTED, placeholder="%s", moment=lambda m: m
                )
                plan = await conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", values)
                print(f"-- {title}")
                print("\n".join(row[0] for row in await plan.fetchall()), end="\n\n")
        await db.close()
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _queries(deep: Position) -> dict[str, PaymentQuery]:
    day = PaymentFilters(
        status=PaymentStatus.AUTHORIZED,
        created_gte=START + timedelta(days=3),
        created_lt=START + timedelta(days=4),
    )
    return {
        "first page (limit 10)": PaymentQuery(BIG, 11),
        "deep page: starting_after a payment 90 % down": PaymentQuery(BIG, 11, start=deep),
        "ending_before that payment": PaymentQuery(BIG, 11, start=deep, direction=Direction.NEWER),
        "a day's Authorized, 100 a page": PaymentQuery(BIG, 101, day),
        "reference=order-1000": PaymentQuery(BIG, 11, PaymentFilters(reference="order-1000")),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    asyncio.run(main(parser.parse_args().rows))
