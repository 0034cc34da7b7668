"""One gateway configuration under load: POST /v1/payments, a cached GET and, given ids of
stored payments, GETs that miss the cache. Prints a row a load and returns the figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.gateway_log import warnings_note
from bench.processes import (
    cpu_split,
    free_port,
    is_gateway_worker,
    python,
    rss_mb,
    start,
    stop,
    tree,
    wait_http,
)
from bench.stack import Stack, access_token
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


@dataclass(frozen=True)
class Load:
    result: LoadResult
    cpu_ms: float  # the gateway's CPU (server and workers) per request served
    kernel_ms: float = 0.0  # the part of it spent in system calls

    @property
    def cpu_note(self) -> str:
        return f"cpu {self.cpu_ms:.2f} ms/req ({self.kernel_ms:.2f} in the kernel)"


@dataclass(frozen=True)
class LoadPlan:
    """How every gateway of a run is started and driven."""

    workers: int
    seconds: float
    connections: int
    row: Callable[..., None]  # prints one load's line of the table


@dataclass
class Figures:
    post: Load
    post16: LoadResult
    cached_get: Load
    uncached_get: Load | None = None
    # Reads past the end of the ids file start it again: those ids are cached by then, and
    # the "uncached" figure would be partly cached reads. Counted, so the verdicts say so.
    uncached_repeats: int = 0
    worker_rss_mb: list[float] = field(default_factory=list)


def bank_ceiling(bank_port: int, *, connections: int, seconds: float) -> LoadResult:
    return run_wrk(
        f"http://127.0.0.1:{bank_port}/payments",
        connections=connections,
        seconds=seconds,
        script="post_json.lua",
        env={"BENCH_BODY": json.dumps(BANK_REQUEST), "BENCH_TOKEN": ""},
    )


def measured(pids: list[int], load: Callable[[], LoadResult]) -> Load:
    """Run `load`; the CPU that `pids` spent on it, per request served."""
    user, kernel = cpu_split(pids)
    result = load()
    user_after, kernel_after = cpu_split(pids)
    per_request = 1000 / max(result.requests, 1)
    return Load(
        result,
        (user_after - user + kernel_after - kernel) * per_request,
        (kernel_after - kernel) * per_request,
    )


def measure(stack: Stack, plan: LoadPlan, *, label: str, ids_file: Path | None = None) -> Figures:
    workers, seconds, connections, row = plan.workers, plan.seconds, plan.connections, plan.row
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = ["serve", "--port", str(port), "--workers", str(workers)]
    log = stack.cwd / f"serve-{label}.log"
    proc = start([python(), "-m", "entrypoints", *serve], cwd=stack.cwd, env=stack.env, log=log)
    try:
        wait_http(f"{base}/health", proc)
        token = access_token(base, stack.merchant)
        auth = {"Authorization": f"Bearer {token}"}
        payment_id = httpx.post(f"{base}/v1/payments", json=PAYMENT, headers=auth).json()["id"]
        body = {"BENCH_BODY": json.dumps(PAYMENT), "BENCH_TOKEN": token}
        pids = tree(proc.pid)

        def wrk(path: str, script: str, env: dict[str, str], c: int = connections) -> LoadResult:
            url = f"{base}{path}"
            return run_wrk(url, connections=c, seconds=seconds, script=script, env=env)

        post = measured(pids, lambda: wrk("/v1/payments", "post_json.lua", body))
        row(f"{label} POST /v1/payments (c={connections})", post, post.cpu_note)
        post16 = wrk("/v1/payments", "post_json.lua", body, c=16)
        row(f"{label} POST /v1/payments (c=16)", Load(post16, 0.0))
        cached = measured(
            pids, lambda: wrk(f"/v1/payments/{payment_id}", "get_auth.lua", {"BENCH_TOKEN": token})
        )
        row(f"{label} GET /v1/payments/{{id}} cached", cached, cached.cpu_note)
        figures = Figures(post, post16, cached)
        if ids_file is not None:
            many = {"BENCH_TOKEN": token, "BENCH_IDS": str(ids_file)}
            figures.uncached_get = measured(
                pids, lambda: wrk("/v1/payments/x", "get_many.lua", many)
            )
            uncached = figures.uncached_get
            ids = ids_file.read_text().count("\n")
            figures.uncached_repeats = max(uncached.result.requests - ids, 0)
            note = uncached.cpu_note
            if figures.uncached_repeats:
                note += f"; {figures.uncached_repeats:,} reads past the {ids:,} ids: cached"
            row(f"{label} GET /v1/payments/{{id}} uncached", uncached, note)
        workers_only = [pid for pid in pids[1:] if is_gateway_worker(pid)] or pids
        figures.worker_rss_mb = [rss_mb(pid) for pid in workers_only]
        rss = ", ".join(f"{mb:.0f}" for mb in figures.worker_rss_mb)
        print(f"{'':<48} resident memory per worker after the run: {rss} MB")
        return figures
    finally:
        stop(proc)
        print(f"{'':<48} {warnings_note(log)}")
