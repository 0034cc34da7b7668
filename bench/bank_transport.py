"""Bank client transports compared: httpx's own transport against httpx-aiohttp's.

Starts one banksim process, then for each transport and each concurrency drives N
authorizations (after a warm-up) and prints requests/s and the client's CPU time per
request (time.process_time of this process only; banksim's CPU is not counted). Two
layers are measured: the bare pooled client (`raw`, on either transport) and the whole
adapter (`adapter`: breaker, retries bookkeeping, response mapping; its info logs filtered
out), which runs on aiohttp's transport only since httpx's own lost this comparison.

    uv run python bench/bank_transport.py [--requests 2000] [--in-flight 16 64]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import structlog
from httpx_aiohttp import AiohttpTransport

from adapters.bank import BankClientConfig, HttpAcquiringBank
from adapters.bank.replies import encode_charge
from paycore.bank import AuthorizationRequest
from paycore.card import CardDetails, Expiry
from paycore.money import Money

CARD = CardDetails(number="4000000000000051", cvv="123", expiry=Expiry(4, 2030))  # not funded


@dataclass(frozen=True)
class Cell:
    layer: str
    transport: str
    in_flight: int
    requests: int
    seconds: float
    cpu_seconds: float

    def row(self) -> str:
        rate = self.requests / self.seconds
        cpu_ms = self.cpu_seconds / self.requests * 1000
        return (
            f"| {self.layer} | {self.transport} | {self.in_flight} | {rate:,.0f} | {cpu_ms:.2f} |"
        )


def _request() -> AuthorizationRequest:
    return AuthorizationRequest(str(uuid.uuid4()), CARD, Money.of_minor(100, "GBP"))


async def _drive(send: Callable[[], Awaitable[None]], total: int, in_flight: int) -> None:
    async def worker(count: int) -> None:
        for _ in range(count):
            await send()

    share, extra = divmod(total, in_flight)
    await asyncio.gather(*(worker(share + (i < extra)) for i in range(in_flight)))


def _raw_client(url: str, transport: str) -> httpx.AsyncClient:
    """A pooled client as the adapter builds it (adapters/bank/transport.py), on either."""
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    chosen: httpx.AsyncBaseTransport = (
        AiohttpTransport(limits=limits)
        if transport == "aiohttp"
        else httpx.AsyncHTTPTransport(limits=limits)
    )
    return httpx.AsyncClient(
        base_url=url,
        transport=chosen,
        timeout=httpx.Timeout(10.0, connect=2.0, pool=12.0),
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        trust_env=False,
    )


async def _measure(
    layer: str, transport: str, config: BankClientConfig, in_flight: int, total: int, warmup: int
) -> Cell:
    if layer == "raw":
        client = _raw_client(config.base_url, transport)

        async def send() -> None:
            request = _request()
            headers = {"Idempotency-Key": request.idempotency_key}
            answer = await client.post("/payments", content=encode_charge(request), headers=headers)
            assert answer.status_code == 200, answer.text

        close = client.aclose
    else:
        bank = HttpAcquiringBank(config)

        async def send() -> None:
            await bank.authorize(_request())

        close = bank.aclose
    try:
        await _drive(send, warmup, in_flight)
        wall, cpu = time.perf_counter(), time.process_time()
        await _drive(send, total, in_flight)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        await close()
    return Cell(layer, transport, in_flight, total, wall, cpu)


async def _run(url: str, total: int, in_flights: list[int], warmup: int) -> list[Cell]:
    config = BankClientConfig(base_url=url)
    rows = [("raw", "httpx"), ("raw", "aiohttp"), ("adapter", "aiohttp")]
    cells = []
    for in_flight in in_flights:
        for layer, transport in rows:
            cells.append(await _measure(layer, transport, config, in_flight, total, warmup))
            print(cells[-1].row(), flush=True)
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--in-flight", type=int, nargs="+", default=[16, 64])
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))

    banksim, url = _start_banksim()
    try:
        print("| layer | transport | in flight | requests/s | client CPU ms/request |")
        print("|---|---|---|---|---|")
        asyncio.run(_run(url, args.requests, args.in_flight, args.warmup))
    finally:
        banksim.terminate()
        banksim.wait(timeout=10)


def _start_banksim() -> tuple[subprocess.Popen[bytes], str]:
    """A banksim on a free loopback port, healthy; its output is discarded."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "banksim", "--port", str(port), "--log-level", "warning"],
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/health", timeout=1, trust_env=False).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("banksim did not start")


if __name__ == "__main__":
    main()
