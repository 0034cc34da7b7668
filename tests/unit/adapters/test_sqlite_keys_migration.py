"""Migration 0006 on SQLite: a database of 0005 with a merchant and a login, then opened."""

from __future__ import annotations

import sqlite3

from adapters.sqlite import SqliteDatabase
from adapters.sqlite.schema import migration_files, split_statements
from adapters.sqlite.timestamps import to_micros
from tests.unit.adapters.builders import T0
from tests.unit.adapters.keys_migration import BEFORE_KEYS, check_old_key_survives, old_rows


async def test_an_old_pk_key_signs_in_after_the_migration(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    merchant_id, key_hash, jti = old_rows()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT)")
    for version, sql in migration_files():
        if version > BEFORE_KEYS:
            break
        for statement in split_statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations (version) VALUES (?)", (version,))
    conn.execute(
        "INSERT INTO merchants (id, email, email_folded, api_key_hash, created_at) "
        "VALUES (?, 'old@example.com', 'old@example.com', ?, ?)",
        (merchant_id, key_hash, to_micros(T0)),
    )
    conn.execute(
        "INSERT INTO refresh_tokens (jti, family_id, merchant_id, expires_at) VALUES (?, ?, ?, ?)",
        (jti, "family", merchant_id, to_micros(T0) + 10**9),
    )
    conn.close()

    db = await SqliteDatabase.open(path)
    try:
        assert db.applied_on_open[0] == "0006_api_keys_retention"
        await check_old_key_survives(db.unit_of_work, merchant_id, jti)
    finally:
        await db.close()
