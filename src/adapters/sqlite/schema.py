"""Versioned schema files applied in order, each in its own write transaction."""

from __future__ import annotations

import sqlite3
from importlib import resources

_CREATE_LEDGER = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
)


def migration_files() -> list[tuple[str, str]]:
    """(version, sql) for every migrations/NNNN_name.sql, in version order."""
    folder = resources.files(__package__) / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the pending migrations; the versions applied now. Safe across processes."""
    applied_now = []
    for version, sql in migration_files():
        # BEGIN IMMEDIATE takes the write lock before the check: two processes starting
        # together cannot both apply the same file.
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_CREATE_LEDGER)
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
            ).fetchone()
            if done is None:
                for statement in split_statements(sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations (version) VALUES (?)", (version,))
                applied_now.append(version)
            conn.execute("COMMIT")
        except BaseException:
            conn.rollback()
            raise
    return applied_now


def split_statements(script: str) -> list[str]:
    """Complete statements of a script; executescript() would commit our transaction."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not _only_comments(buffer):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer!r}")
    return statements


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())
