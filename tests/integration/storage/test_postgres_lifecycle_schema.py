"""Migration 0005 on PostgreSQL: payments of the previous release survive the upgrade, the
schema refuses impossible lifecycle rows, and the sweeps' queries read partial indexes."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from psycopg.types.json import Jsonb

from adapters.codec import to_record
from adapters.postgres import PostgresDatabase
from adapters.postgres.payments import _SELECT_AUTHORIZED, _SELECT_WITH_PENDING_ACTIONS
from adapters.postgres.schema import migration_files
from paycore.payment import PaymentStatus
from tests.integration.storage.conftest import create_database, drop_database
from tests.integration.storage.test_postgres_schema import insert_payment
from tests.unit.adapters.builders import T0, later, new_id
from tests.unit.adapters.lifecycle_builders import captured

pytestmark = pytest.mark.integration
ALL_FILES = migration_files()
RELEASED = [version for version, _ in ALL_FILES].index("0004_payment_lists") + 1


async def test_payments_of_the_previous_release_read_back_after_the_upgrade(
    pg_admin_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"paygate_test_upgrade_{secrets.token_hex(4)}"
    url = create_database(pg_admin_url, name)
    db = None
    try:
        db = await PostgresDatabase.open(url, 1, 2)
        monkeypatch.setattr(
            "adapters.postgres.schema.migration_files", lambda: ALL_FILES[:RELEASED]
        )
        await db.migrate()
        monkeypatch.undo()
        merchant_id, authorized_id, pending_id = new_id(), new_id(), new_id()
        with psycopg.connect(url) as conn:  # rows as the 0004 release wrote them
            insert_payment(conn, id=authorized_id, merchant_id=merchant_id, status="Authorized",
                           authorization_code="auth-1", metadata=Jsonb({"order": "7"}))  # fmt: skip
            insert_payment(conn, id=pending_id, merchant_id=merchant_id)

        assert await db.migrate() == [version for version, _ in ALL_FILES[RELEASED:]]
        async with db.unit_of_work() as uow:
            old = await uow.payments.get(merchant_id, authorized_id)
            pending = await uow.payments.get(merchant_id, pending_id)
            assert [p.id for p in await uow.payments.authorized_before(later(T0, 0), 5)] == [
                authorized_id
            ]
        assert (old.status, old.authorization_code, old.metadata) == (
            PaymentStatus.AUTHORIZED, "auth-1", {"order": "7"},
        )  # fmt: skip
        assert (old.captured_amount, old.refunded_amount, old.actions) == (0, 0, ())
        assert pending is not None and pending.status is PaymentStatus.PENDING
        # An upgraded row takes the lifecycle like a new one.
        action = old.capture(new_id(), 60, later(T0, 1))
        async with db.unit_of_work() as uow:
            await uow.payments.save(old)
            await uow.commit()
        async with db.unit_of_work() as uow:
            assert (await uow.payments.get(merchant_id, authorized_id)).actions == (action,)
    finally:
        if db is not None:
            await db.close()
        drop_database(pg_admin_url, name)


def _action(**overrides: object) -> dict[str, object]:
    return {
        "id": new_id(), "type": "refund", "amount": 5, "status": "Pending", "reason": None,
        "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        "idempotency_key": None, "failure_reason": None,
    } | overrides  # fmt: skip


@pytest.mark.parametrize(
    "bad",
    [
        {"captured_amount": 101},  # more captured than authorized (amount is 100)
        {"captured_amount": 50, "refunded_amount": 51},  # more refunded than captured
        {"refunded_amount": -1},
        {"captured_amount": -1},
        {"actions": Jsonb({})},
        {"actions": Jsonb([_action(amount=0)])},
        {"actions": Jsonb([_action(amount=2.5)])},
        {"actions": Jsonb([_action(type="chargeback")])},
        {"actions": Jsonb([_action(status="Lost")])},
        {"actions": Jsonb([_action(), {k: v for k, v in _action().items() if k != "id"}])},
        {"actions": Jsonb([{k: v for k, v in _action().items() if k != "created_at"}])},
    ],
)
async def test_the_schema_refuses_impossible_lifecycle_rows(
    pg_db: PostgresDatabase, pg_url: str, bad: dict
) -> None:
    with psycopg.connect(pg_url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        insert_payment(conn, status="Captured", **bad)


async def test_an_update_cannot_refund_more_than_was_captured(pg_db, pg_url: str) -> None:
    p = captured(80)
    async with pg_db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    with psycopg.connect(pg_url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("UPDATE payments SET refunded_amount = 81 WHERE id = %s", (p.id,))
    async with pg_db.unit_of_work() as uow:
        assert to_record(await uow.payments.get(p.merchant_id, p.id)) == to_record(p)


ROWS = 100_000
START = datetime(2026, 1, 1, tzinfo=UTC)
# One payment in 10 Authorized, one in 500 holding a Pending capture, a second apart.
_FILL = """
INSERT INTO payments (id, merchant_id, amount, currency, card_last4, card_brand,
    card_expiry_month, card_expiry_year, card_fingerprint, status, version,
    created_at, updated_at, actions)
SELECT gen_random_uuid(), gen_random_uuid(), 1050, 'USD', '4242', 'visa', 12, 2030, 'fp',
    CASE WHEN i %% 10 = 0 THEN 'Authorized' ELSE 'Captured' END, 1,
    %(start)s + i * interval '1 second', %(start)s + i * interval '1 second',
    CASE WHEN i %% 500 = 0 THEN %(pending)s::jsonb ELSE '[]'::jsonb END
FROM generate_series(1, %(rows)s) AS i
"""


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        (_SELECT_WITH_PENDING_ACTIONS, "payments_pending_action_updated"),
        (_SELECT_AUTHORIZED, "payments_authorized_created"),
    ],
)
async def test_the_sweeps_queries_read_a_partial_index_not_the_table(
    pg_db: PostgresDatabase, sql: str, index: str
) -> None:
    pending = [_action(type="capture")]
    async with pg_db.pool.connection() as conn:
        await conn.execute(_FILL, {"start": START, "rows": ROWS, "pending": Jsonb(pending)})
        await conn.execute("ANALYZE payments")
        cursor = await conn.execute(f"EXPLAIN {sql}", (START + timedelta(days=1), 100))
        plan = "\n".join(row[0] for row in await cursor.fetchall())
    print(plan)
    assert f"Index Scan using {index}" in plan, plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan
