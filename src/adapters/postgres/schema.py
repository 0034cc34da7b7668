"""Versioned schema files, applied in order under an advisory lock, recorded in a ledger."""

from __future__ import annotations

from importlib import resources

from psycopg_pool import AsyncConnectionPool

# Any fixed bigint works; every paygate process must use the same one.
MIGRATION_LOCK_KEY = 0x7061_7967_6174_65  # "paygate"
_CREATE_LEDGER = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
)


def migration_files() -> list[tuple[str, str]]:
    """(version, sql) for every migrations/NNNN_name.sql, in version order."""
    folder = resources.files(__package__) / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


async def migrate(pool: AsyncConnectionPool) -> list[str]:
    """Apply the pending migrations, each in its own transaction; the versions applied now."""
    applied_now = []
    for version, sql in migration_files():
        async with pool.connection() as conn, conn.transaction():
            # Held to the end of the transaction: concurrent migrators queue here and then
            # find the version already recorded.
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK_KEY,))
            await conn.execute(_CREATE_LEDGER)
            cursor = await conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = %s", (version,)
            )
            if await cursor.fetchone() is not None:
                continue
            # Without parameters psycopg sends the file as one simple query: many statements.
            await conn.execute(sql.encode())
            await conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (version,))
            applied_now.append(version)
    return applied_now
