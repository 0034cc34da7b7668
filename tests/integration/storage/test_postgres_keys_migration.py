"""Migration 0006 on PostgreSQL: a database of 0005 with a merchant and a login, migrated."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest

from adapters.postgres import PostgresDatabase
from adapters.postgres.schema import migration_files
from tests.integration.storage.conftest import create_database, drop_database
from tests.unit.adapters.builders import T0
from tests.unit.adapters.keys_migration import BEFORE_KEYS, check_old_key_survives, old_rows

pytestmark = pytest.mark.integration


async def test_an_old_pk_key_signs_in_after_the_migration(pg_admin_url: str) -> None:
    name = f"paygate_test_keys_{secrets.token_hex(4)}"
    url = create_database(pg_admin_url, name)
    db = None
    try:
        db = await PostgresDatabase.open(url, 1, 2)
        merchant_id, key_hash, jti = old_rows()
        async with db.pool.connection() as conn:
            await conn.execute("CREATE TABLE schema_migrations (version text PRIMARY KEY, "
                               "applied_at timestamptz NOT NULL DEFAULT now())")  # fmt: skip
            for version, sql in migration_files():
                if version <= BEFORE_KEYS:
                    await conn.execute(sql.encode())
                    await conn.execute(
                        "INSERT INTO schema_migrations (version) VALUES (%s)", (version,)
                    )
            await conn.execute(
                "INSERT INTO merchants (id, email, api_key_hash, created_at) "
                "VALUES (%s, 'old@example.com', %s, %s)",
                (merchant_id, key_hash, T0),
            )
            await conn.execute(
                "INSERT INTO refresh_tokens (jti, family_id, merchant_id, expires_at) "
                "VALUES (%s, 'family', %s, %s)",
                (jti, merchant_id, T0 + timedelta(days=7)),
            )

        assert (await db.migrate())[0] == "0006_api_keys_retention"
        await check_old_key_survives(db.unit_of_work, merchant_id, jti)
    finally:
        if db is not None:
            await db.close()
        drop_database(pg_admin_url, name)
