"""`paygate migrate` applies the migrations once and reports what it applied."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from tests.integration.storage.conftest import create_database, drop_database


def _migrate(cwd: Path, **env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PAYGATE_")}
    result = subprocess.run(
        [sys.executable, "-m", "entrypoints", "migrate"],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_migrate_on_sqlite_reports_then_is_a_no_op(tmp_path: Path) -> None:
    first = _migrate(tmp_path)
    assert first[0] == "applied 0001_init" and first[-1] == "database is up to date"
    assert _migrate(tmp_path) == ["database is up to date"]
    assert (tmp_path / "paygate.db").is_file()


def test_migrate_on_postgres_reports_then_is_a_no_op(tmp_path: Path, pg_admin_url: str) -> None:
    name = f"paygate_test_{secrets.token_hex(4)}"
    env = {"PAYGATE_DATABASE_URL": create_database(pg_admin_url, name)}
    env["PAYGATE_JWT_SECRET"] = secrets.token_urlsafe(40)
    try:
        first = _migrate(tmp_path, **env)
        assert first[0] == "applied 0001_init" and first[-1] == "database is up to date"
        assert _migrate(tmp_path, **env) == ["database is up to date"]
    finally:
        drop_database(pg_admin_url, name)
