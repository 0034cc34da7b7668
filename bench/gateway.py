"""One gateway configuration under load: POST /v1/payments and a cached GET."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.processes import cpu_seconds, free_port, python, rss_mb, start, stop, tree, wait_http
from bench.wrk_runner import LoadResult, run_wrk

PAYMENT = {
    "card_number": "4000000000000077",
    "expiry_month": 12,
    "expiry_year": 2035,
    "cvv": "123",
    "amount": 1050,
    "currency": "USD",
    "reference": "bench",
}
BANK_REQUEST = {
    "card_number": "4000000000000077",
    "expiry_date": "12/2035",
    "currency": "USD",
    "amount": 1050,
    "cvv": "123",
}
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def bank_ceiling(bank_port: int, *, connections: int, seconds: float) -> LoadResult:
    return run_wrk(
        f"http://127.0.0.1:{bank_port}/payments",
        connections=connections,
        seconds=seconds,
        script="post_json.lua",
        env={"BENCH_BODY": json.dumps(BANK_REQUEST), "BENCH_TOKEN": ""},
    )


def _stack_env(stack: str, bank_port: int) -> dict[str, str]:
    env = {"PAYGATE_BANK_URL": f"http://127.0.0.1:{bank_port}", "PAYGATE_LOG_FORMAT": "json"}
    if stack == "postgres":
        import psycopg  # only the postgres stack needs it

        name = f"paygate_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        env |= {
            "PAYGATE_DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{name}",
            "PAYGATE_REDIS_URL": "redis://127.0.0.1:6379/14",
            "PAYGATE_JWT_SECRET": uuid.uuid4().hex + uuid.uuid4().hex,
        }
    return env


def _paygate(*args: str, cwd: Path, env: dict[str, str]) -> str:
    import os

    return subprocess.run(
        [python(), "-m", "entrypoints", *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def measure(
    *,
    stack: str,
    server: str,
    workers: int,
    bank_port: int,
    seconds: float,
    work: Path,
    connections: int,
    ceiling: LoadResult,
    bank_alone: LoadResult,
    row: Callable[..., None],
) -> None:
    cwd = work / f"{stack}-{server}"
    cwd.mkdir()
    env = _stack_env(stack, bank_port)
    if stack == "postgres":
        _paygate("migrate", cwd=cwd, env=env)
    merchant = json.loads(
        _paygate("merchants", "create", "--email", "bench@example.com", "--json", cwd=cwd, env=env)
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start(
        [
            python(),
            "-m",
            "entrypoints",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=cwd,
        env=env,
        log=cwd / "serve.log",
    )
    try:
        wait_http(f"{base}/health", proc)
        token = _token(base, merchant)
        payment_id = httpx.post(
            f"{base}/v1/payments", json=PAYMENT, headers={"Authorization": f"Bearer {token}"}
        ).json()["id"]
        body = {"BENCH_BODY": json.dumps(PAYMENT), "BENCH_TOKEN": token}
        pids = tree(proc.pid)
        cpu_before = cpu_seconds(pids)
        post = run_wrk(
            f"{base}/v1/payments",
            connections=connections,
            seconds=seconds,
            script="post_json.lua",
            env=body,
        )
        cpu_ms = (cpu_seconds(pids) - cpu_before) * 1000 / max(post.requests, 1)
        label = f"[{server}] {stack} POST /v1/payments"
        row(f"{label} (c={connections})", post, ceiling, f"cpu {cpu_ms:.2f} ms/req")
        row(f"{label} vs banksim alone", post, bank_alone)
        post16 = run_wrk(
            f"{base}/v1/payments", connections=16, seconds=seconds, script="post_json.lua", env=body
        )
        row(f"{label} (c=16)", post16, ceiling)
        cpu_before = cpu_seconds(pids)
        get = run_wrk(
            f"{base}/v1/payments/{payment_id}",
            connections=connections,
            seconds=seconds,
            script="get_auth.lua",
            env={"BENCH_TOKEN": token},
        )
        cpu_ms = (cpu_seconds(pids) - cpu_before) * 1000 / max(get.requests, 1)
        row(
            f"[{server}] {stack} GET /v1/payments/{{id}} cached",
            get,
            ceiling,
            f"cpu {cpu_ms:.2f} ms/req",
        )
        rss = ", ".join(f"{rss_mb(pid):.0f}" for pid in pids[1:] or pids)
        print(f"{'':<44} resident memory per worker after the run: {rss} MB")
    finally:
        stop(proc)


def _token(base: str, merchant: dict[str, str]) -> str:
    answer = httpx.post(
        f"{base}/v1/auth/generate_access_token",
        json={"email": merchant["email"], "api_key": merchant["api_key"]},
    )
    answer.raise_for_status()
    return str(answer.json()["data"]["token"]["access"]["token"])
