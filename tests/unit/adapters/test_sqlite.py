"""What the SQLite adapter promises beyond the storage contract."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from adapters.sqlite import SqliteDatabase
from adapters.sqlite.schema import migration_files, split_statements
from tests.unit.adapters.builders import claim, new_id, payment


def pragma(path, name: str):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


async def test_the_file_is_in_wal_mode_with_durable_commits(sqlite_db: SqliteDatabase) -> None:
    assert pragma(sqlite_db.path, "journal_mode") == "wal"
    # synchronous is per connection: ask the writer's own.
    assert await sqlite_db.on_writer(lambda c: c.execute("PRAGMA synchronous").fetchone()[0]) == 2


async def test_reopening_applies_no_migration_twice(tmp_path) -> None:
    path = str(tmp_path / "paygate.db")
    first = await SqliteDatabase.open(path)
    assert first.applied_on_open == [version for version, _ in migration_files()]
    await first.close()
    db = await SqliteDatabase.open(path)
    try:
        assert db.applied_on_open == []
        assert await db.migrate() == []
        versions = await db.on_reader(
            lambda c: [v for (v,) in c.execute("SELECT version FROM schema_migrations")]
        )
        assert versions == [version for version, _ in migration_files()]
    finally:
        await db.close()


async def test_two_databases_on_one_file_never_both_win_a_claim(tmp_path) -> None:
    # Two SqliteDatabase objects stand in for two processes: only SQLite's own lock
    # (BEGIN IMMEDIATE) separates their transactions.
    path = str(tmp_path / "paygate.db")
    first, second = await SqliteDatabase.open(path), await SqliteDatabase.open(path)
    merchant_id = new_id()

    async def attempt(db: SqliteDatabase):
        p = payment(merchant_id)
        async with db.unit_of_work() as uow:
            holder = await uow.idempotency.claim(claim(merchant_id, "k", p.id))
            if holder is None:
                await uow.payments.add(p)
                await uow.commit()
            return holder

    try:
        holders = await asyncio.gather(*(attempt(db) for db in (first, second) for _ in range(4)))
        assert sum(holder is None for holder in holders) == 1
    finally:
        await first.close()
        await second.close()


async def test_a_cancelled_unit_of_work_releases_the_writer(sqlite_db: SqliteDatabase) -> None:
    started = asyncio.Event()

    async def hold_a_write() -> None:
        async with sqlite_db.unit_of_work() as uow:
            await uow.payments.add(payment())
            started.set()
            await asyncio.Event().wait()

    task = asyncio.create_task(hold_a_write())
    await started.wait()
    task.cancel()
    p = payment()
    async with asyncio.timeout(30), sqlite_db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    async with sqlite_db.unit_of_work() as uow:
        assert await uow.payments.get(p.merchant_id, p.id) is not None


async def test_ping_reports_a_working_database(sqlite_db: SqliteDatabase) -> None:
    assert await sqlite_db.ping() is True


def test_statements_are_split_whole_and_comments_kept_out_of_the_way() -> None:
    script = "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nSELECT 1;\n"
    assert split_statements(script) == [
        "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT ';');",
        "SELECT 1;",
    ]


async def test_a_writer_that_waits_too_long_gets_an_error_not_a_hang(tmp_path) -> None:
    db = await SqliteDatabase.open(str(tmp_path / "paygate.db"), lock_timeout=0.1)
    try:
        async with db.unit_of_work() as outer:
            await outer.payments.add(payment())
            async with db.unit_of_work() as nested:
                with pytest.raises(sqlite3.OperationalError, match="timed out"):
                    await nested.payments.add(payment())
    finally:
        await db.close()


async def test_keys_completed_before_answers_were_kept_still_read_back(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file made by the first schema version, holding a completed key, then upgraded.
    path = str(tmp_path / "paygate.db")
    first_version = migration_files()[:1]
    monkeypatch.setattr("adapters.sqlite.schema.migration_files", lambda: first_version)
    old = await SqliteDatabase.open(path)
    merchant_id, payment_id = new_id(), new_id()
    async with old.unit_of_work() as uow:
        assert await uow.idempotency.claim(claim(merchant_id, "k", payment_id)) is None
        await uow.commit()
    await old.on_writer(lambda c: c.execute("UPDATE idempotency_keys SET completed = 1"))
    await old.close()
    monkeypatch.undo()

    db = await SqliteDatabase.open(path)
    try:
        assert db.applied_on_open == [version for version, _ in migration_files()[1:]]
        async with db.unit_of_work() as uow:
            holder = await uow.idempotency.claim(claim(merchant_id, "k", new_id()))
        assert holder is not None and holder.payment_id == payment_id
        assert (holder.completed, holder.response, holder.retry_after_seconds) == (True, None, None)
    finally:
        await db.close()
