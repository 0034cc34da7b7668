"""Migrations and the schema's own guarantees (constraints, indexes, no card secrets)."""

from __future__ import annotations

import asyncio
import secrets

import psycopg
import pytest

from adapters.postgres import PostgresDatabase
from adapters.postgres.schema import migration_files
from tests.integration.storage.conftest import create_database, drop_database
from tests.unit.adapters.builders import claim, new_id

pytestmark = pytest.mark.integration
ALL_FILES = migration_files()
ALL_VERSIONS = [version for version, _ in ALL_FILES]


async def test_concurrent_migrations_apply_each_version_once(pg_admin_url: str) -> None:
    name = f"paygate_test_migrate_{secrets.token_hex(4)}"
    url = create_database(pg_admin_url, name)
    first = second = None
    try:
        first = await PostgresDatabase.open(url, 1, 2)
        second = await PostgresDatabase.open(url, 1, 2)
        applied = await asyncio.gather(first.migrate(), second.migrate())
        assert sorted(applied[0] + applied[1]) == ALL_VERSIONS
        assert await first.migrate() == []
        async with first.pool.connection() as conn:
            cursor = await conn.execute("SELECT version FROM schema_migrations ORDER BY version")
            assert [v for (v,) in await cursor.fetchall()] == ALL_VERSIONS
    finally:
        for db in (first, second):
            if db is not None:
                await db.close()
        drop_database(pg_admin_url, name)


def insert_payment(conn: psycopg.Connection, **overrides: object) -> None:
    row = {
        "id": new_id(), "merchant_id": new_id(), "amount": 100, "currency": "USD",
        "card_last4": "4242", "card_brand": "visa", "card_expiry_month": 12,
        "card_expiry_year": 2030, "card_fingerprint": "f", "status": "Pending",
        "version": 1, "created_at": "2026-01-01Z", "updated_at": "2026-01-01Z",
    } | overrides  # fmt: skip
    columns = ", ".join(row)
    conn.execute(
        f"INSERT INTO payments ({columns}) VALUES ({', '.join(['%s'] * len(row))})",
        tuple(row.values()),
    )


@pytest.mark.parametrize(
    "bad",
    [{"status": "Settled"}, {"amount": 0}, {"amount": -5}, {"currency": "usd"},
     {"currency": "US"}, {"card_expiry_month": 13}, {"card_last4": "42a2"}],
)  # fmt: skip
async def test_the_schema_refuses_impossible_payments(
    pg_db: PostgresDatabase, pg_url: str, bad: dict
) -> None:
    with psycopg.connect(pg_url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        insert_payment(conn, **bad)


async def test_the_schema_has_its_access_paths(pg_db: PostgresDatabase) -> None:
    async with pg_db.pool.connection() as conn:
        cursor = await conn.execute("SELECT indexname, indexdef FROM pg_indexes")
        indexes = dict(await cursor.fetchall())
    assert "(merchant_id, id)" in indexes["payments_merchant_id_id"]
    assert "WHERE (status = 'Pending'::text)" in indexes["payments_pending_settlement"]
    assert "UNIQUE" in indexes["idempotency_keys_merchant_key"]
    assert "lower(email)" in indexes["merchants_email_key"]


async def test_no_column_could_hold_a_card_number_or_cvv(pg_db: PostgresDatabase) -> None:
    async with pg_db.pool.connection() as conn:
        cursor = await conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        )
        columns = {name for (name,) in await cursor.fetchall()}
    assert not {c for c in columns if "cvv" in c or "cvc" in c or c in {"pan", "card_number"}}
    assert {"card_last4", "card_brand", "card_fingerprint"} <= columns


async def test_keys_completed_before_answers_were_kept_still_read_back(
    pg_admin_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database made by the first schema version, holding a completed key, then upgraded.
    name = f"paygate_test_upgrade_{secrets.token_hex(4)}"
    url = create_database(pg_admin_url, name)
    db = None
    try:
        db = await PostgresDatabase.open(url, 1, 2)
        monkeypatch.setattr("adapters.postgres.schema.migration_files", lambda: ALL_FILES[:1])
        assert await db.migrate() == ALL_VERSIONS[:1]
        monkeypatch.undo()
        merchant_id, payment_id = new_id(), new_id()
        async with db.unit_of_work() as uow:
            assert await uow.idempotency.claim(claim(merchant_id, "k", payment_id)) is None
            await uow.commit()
        async with db.pool.connection() as conn:
            await conn.execute("UPDATE idempotency_keys SET completed = true")

        assert await db.migrate() == ALL_VERSIONS[1:]
        async with db.unit_of_work() as uow:
            holder = await uow.idempotency.claim(claim(merchant_id, "k", new_id()))
        assert holder is not None and holder.payment_id == payment_id
        assert (holder.completed, holder.response, holder.retry_after_seconds) == (True, None, None)
    finally:
        if db is not None:
            await db.close()
        drop_database(pg_admin_url, name)
