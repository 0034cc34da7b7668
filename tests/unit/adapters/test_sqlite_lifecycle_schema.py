"""Migration 0005 on SQLite: payments of the previous release survive the table's rebuild,
the schema refuses impossible lifecycle rows, and the sweeps' queries read partial indexes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from adapters.codec import to_record
from adapters.sqlite import SqliteDatabase
from adapters.sqlite.payments import _SELECT_AUTHORIZED, _SELECT_WITH_PENDING_ACTIONS
from adapters.sqlite.schema import migration_files
from adapters.sqlite.timestamps import to_micros
from paycore.payment import PaymentStatus
from tests.unit.adapters.builders import T0, later, new_id, payment
from tests.unit.adapters.lifecycle_builders import authorized, captured

ALL_FILES = migration_files()
RELEASED = [version for version, _ in ALL_FILES].index("0004_payment_lists") + 1


def insert_payment(conn: sqlite3.Connection, **overrides: object) -> None:
    row = {
        "id": new_id(), "merchant_id": new_id(), "amount": 100, "currency": "USD",
        "card_last4": "4242", "card_brand": "visa", "card_expiry_month": 12,
        "card_expiry_year": 2030, "card_fingerprint": "f", "status": "Pending",
        "version": 1, "created_at": to_micros(T0), "updated_at": to_micros(T0),
    } | overrides  # fmt: skip
    conn.execute(
        f"INSERT INTO payments ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )


async def test_payments_of_the_previous_release_read_back_after_the_upgrade(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "paygate.db")
    monkeypatch.setattr("adapters.sqlite.schema.migration_files", lambda: ALL_FILES[:RELEASED])
    old_db = await SqliteDatabase.open(path)
    merchant_id, authorized_id, pending_id = new_id(), new_id(), new_id()
    await old_db.on_writer(lambda c: insert_payment(  # rows as the 0004 release wrote them
        c, id=authorized_id, merchant_id=merchant_id, status="Authorized",
        authorization_code="auth-1", metadata='{"order": "7"}', reference="order-7",
    ))  # fmt: skip
    await old_db.on_writer(lambda c: insert_payment(c, id=pending_id, merchant_id=merchant_id))
    await old_db.close()
    monkeypatch.undo()

    db = await SqliteDatabase.open(path)
    try:
        assert db.applied_on_open == [version for version, _ in ALL_FILES[RELEASED:]]
        async with db.unit_of_work() as uow:
            old = await uow.payments.get(merchant_id, authorized_id)
            pending = await uow.payments.get(merchant_id, pending_id)
            assert [p.id for p in await uow.payments.authorized_before(later(T0, 1), 5)] == [
                authorized_id
            ]
        assert (old.status, old.authorization_code, old.metadata, old.reference) == (
            PaymentStatus.AUTHORIZED, "auth-1", {"order": "7"}, "order-7",
        )  # fmt: skip
        assert (old.captured_amount, old.refunded_amount, old.actions) == (0, 0, ())
        assert pending is not None and pending.status is PaymentStatus.PENDING
        action = old.capture(new_id(), 60, later(T0, 1))
        async with db.unit_of_work() as uow:
            await uow.payments.save(old)
            await uow.commit()
        async with db.unit_of_work() as uow:
            assert (await uow.payments.get(merchant_id, authorized_id)).actions == (action,)
        indexes = await db.on_reader(
            lambda c: {n for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        )
        assert {"payments_merchant_id_id", "payments_merchant_created"} <= indexes
    finally:
        await db.close()


def _action(**overrides: object) -> dict[str, object]:
    return {
        "id": new_id(), "type": "refund", "amount": 5, "status": "Pending", "reason": None,
        "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        "idempotency_key": None, "failure_reason": None,
    } | overrides  # fmt: skip


def _without(field: str) -> dict[str, object]:
    return {k: v for k, v in _action().items() if k != field}


@pytest.mark.parametrize(
    "bad",
    [
        {"captured_amount": 101},  # more captured than authorized (amount is 100)
        {"captured_amount": 50, "refunded_amount": 51},  # more refunded than captured
        {"refunded_amount": -1},
        {"captured_amount": -1},
        {"status": "Settled"},
        {"actions": "{}"},
        {"actions": "not json"},
        {"actions": json.dumps([_action(amount=0)])},
        {"actions": json.dumps([_action(amount=2.5)])},
        {"actions": json.dumps([_action(type="chargeback")])},
        {"actions": json.dumps([_action(status="Lost")])},
        {"actions": json.dumps([_action(), _without("id")])},
        {"actions": json.dumps([_without("updated_at")])},
    ],
)
async def test_the_schema_refuses_impossible_lifecycle_rows(sqlite_db, bad: dict) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        await sqlite_db.on_writer(lambda c: insert_payment(c, **({"status": "Captured"} | bad)))


async def test_an_update_cannot_smuggle_in_a_bad_action_or_amount(sqlite_db) -> None:
    p = captured(80)
    async with sqlite_db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    bad_action = json.dumps([_action(amount=-3)])
    for sql, value in [("refunded_amount = ?", 81), ("actions = ?", bad_action)]:
        with pytest.raises(sqlite3.IntegrityError):
            await sqlite_db.on_writer(
                lambda c, sql=sql, value=value: c.execute(
                    f"UPDATE payments SET {sql} WHERE id = ?", (value, p.id)
                )
            )
    async with sqlite_db.unit_of_work() as uow:
        assert to_record(await uow.payments.get(p.merchant_id, p.id)) == to_record(p)


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        (_SELECT_WITH_PENDING_ACTIONS, "payments_pending_action_updated"),
        (_SELECT_AUTHORIZED, "payments_authorized_created"),
    ],
)
async def test_the_sweeps_queries_read_a_partial_index_in_order(sqlite_db, sql, index) -> None:
    async with sqlite_db.unit_of_work() as uow:
        for i in range(300):
            p = authorized(created_at=later(T0, i)) if i % 10 == 0 else payment()
            if i % 30 == 0:
                p.capture(new_id(), 10, later(T0, i + 1))
            await uow.payments.add(p)
        await uow.commit()
    await sqlite_db.on_writer(lambda c: c.execute("ANALYZE"))
    params = (to_micros(later(T0, 200)), 100)
    plan = await sqlite_db.on_reader(
        lambda c: [row[-1] for row in c.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    )
    assert any(f"USING INDEX {index}" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # no sort
