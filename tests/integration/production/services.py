"""PostgreSQL and Redis as the tests see them: reachability, a private database, inspection.

The same conventions as tests/integration/storage: PAYGATE_TEST_DATABASE_URL (an admin
URL) and PAYGATE_TEST_REDIS_URL override the defaults; absent services skip locally and
fail under CI=true.
"""

from __future__ import annotations

import os
import subprocess

import psycopg
import redis

from tests.conftest import service_missing
from tests.integration.postgres_admin import (  # noqa: F401 - re-exported
    create_database,
    drop_database,
    reachable_admin_url,
)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def terminate_backends(url: str) -> int:
    """Kills every other session on the database, as a failover or an operator would."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def query(url: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(statement, params).fetchall()  # type: ignore[arg-type]


def pg_dump_data(url: str) -> bytes:
    try:
        done = subprocess.run(
            ["pg_dump", "--data-only", url], capture_output=True, check=True, timeout=60
        )
    except FileNotFoundError:
        service_missing("pg_dump", "the binary is not on PATH")
    return done.stdout


def reachable_redis_url() -> str:
    url = os.environ.get("PAYGATE_TEST_REDIS_URL", DEFAULT_REDIS_URL)
    try:
        with redis.Redis.from_url(url, socket_timeout=3, socket_connect_timeout=3) as client:
            client.ping()
    except redis.RedisError as error:
        service_missing("Redis", f"{url}: {error}")
    return url


def redis_values(url: str, pattern: str) -> dict[bytes, bytes]:
    with redis.Redis.from_url(url, socket_timeout=3) as client:
        keys = list(client.scan_iter(match=pattern))
        return {key: value for key in keys if (value := client.get(key)) is not None}


def delete_redis_keys(url: str, pattern: str) -> None:
    with redis.Redis.from_url(url, socket_timeout=3) as client:
        for key in client.scan_iter(match=pattern):
            client.delete(key)
