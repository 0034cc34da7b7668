"""A private PostgreSQL database per test run: find the server, create, drop.

PAYGATE_TEST_DATABASE_URL (an admin URL) overrides the defaults; an absent server skips
locally and fails under CI=true.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

from tests.conftest import service_missing

ADMIN_URLS = (
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://root@127.0.0.1:5432/postgres",
)


def reachable_admin_url() -> str:
    override = os.environ.get("PAYGATE_TEST_DATABASE_URL")
    errors = []
    for url in (override,) if override else ADMIN_URLS:
        try:
            psycopg.connect(url, connect_timeout=3).close()
        except psycopg.Error as error:
            errors.append(f"{url}: {error}")
        else:
            return url
    service_missing("PostgreSQL", "; ".join(errors))
    raise AssertionError("unreachable")


def create_database(admin_url: str, name: str) -> str:
    """The new database's URL: a `postgresql://` URL, as PAYGATE_DATABASE_URL wants one."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlsplit(admin_url)._replace(path=f"/{name}").geturl()


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
