"""Preparing one gateway configuration: its environment, database and merchant."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg

from bench.processes import python

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
# The sweep runs every 2 s during a benchmark, so each load run includes it.
SETTLE_INTERVAL = "2"
SETTLE_AFTER = 60.0


@dataclass(frozen=True)
class Stack:
    name: str
    env: dict[str, str]
    cwd: Path
    merchant: dict[str, str]

    @property
    def database_url(self) -> str | None:
        return self.env.get("PAYGATE_DATABASE_URL")


def prepare(name: str, bank_port: int, cwd: Path) -> Stack:
    cwd.mkdir()
    env = {
        "PAYGATE_BANK_URL": f"http://127.0.0.1:{bank_port}",
        "PAYGATE_LOG_FORMAT": "json",
        "PAYGATE_SETTLE_INTERVAL": SETTLE_INTERVAL,
        "PAYGATE_SETTLE_AFTER": str(SETTLE_AFTER),
        # One merchant drives thousands of requests a second: the default 100/s would
        # measure the rate limiter, not the gateway.
        "PAYGATE_RATE_LIMIT": "100000000/s",
    }
    if name == "postgres":
        database = f"paygate_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        env |= {
            "PAYGATE_DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{database}",
            "PAYGATE_REDIS_URL": "redis://127.0.0.1:6379/14",
            "PAYGATE_JWT_SECRET": uuid.uuid4().hex + uuid.uuid4().hex,
        }
        paygate("migrate", cwd=cwd, env=env)
    created = paygate(
        "merchants", "create", "--email", "bench@example.com", "--json", cwd=cwd, env=env
    )
    return Stack(name, env, cwd, json.loads(created))


def drop(stack: Stack) -> None:
    if stack.database_url is None:
        return
    database = stack.database_url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def paygate(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        [python(), "-m", "entrypoints", *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def access_token(base: str, merchant: dict[str, str]) -> str:
    answer = httpx.post(
        f"{base}/v1/auth/generate_access_token",
        json={"email": merchant["email"], "api_key": merchant["api_key"]},
    )
    answer.raise_for_status()
    return str(answer.json()["data"]["token"]["access"]["token"])
