"""A tiny HTTP server between the client and banksim: it counts every request it gets and
can answer in the bank's place (a scripted 503, a 500, an unreadable body, ...)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
from aiohttp import web


@dataclass(frozen=True)
class Canned:
    status: int
    body: bytes = b"{}"


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    idempotency_key: str | None


class BankProxy:
    def __init__(self, target: str | None) -> None:
        self.target = target
        self.script: list[Canned] = []  # answered first, one per request
        self.outage: Canned | None = None  # answered to every request while set
        self.seen: list[Seen] = []
        self.delay_seconds = 0.0  # held before answering, to keep a call in flight
        self.url = ""
        self._session: aiohttp.ClientSession | None = None

    def posts(self) -> list[Seen]:
        return [s for s in self.seen if s.method == "POST"]

    async def _handle(self, request: web.Request) -> web.Response:
        self.seen.append(
            Seen(request.method, request.raw_path, request.headers.get("Idempotency-Key"))
        )
        canned = self.script.pop(0) if self.script else self.outage
        if self.delay_seconds:
            await asyncio.sleep(self.delay_seconds)
        if canned is None and self.target is not None:
            return await self._forward(request)
        canned = canned or Canned(503)
        return web.Response(status=canned.status, body=canned.body, content_type="application/json")

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._session is not None and self.target is not None
        async with self._session.request(
            request.method,
            self.target + request.raw_path,
            headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
            data=await request.read(),
        ) as answer:
            body = await answer.read()
            return web.Response(status=answer.status, body=body, content_type=answer.content_type)


@asynccontextmanager
async def running_proxy(target: str | None) -> AsyncIterator[BankProxy]:
    proxy = BankProxy(target)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", proxy._handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    proxy.url = f"http://{host}:{port}"
    proxy._session = aiohttp.ClientSession()
    try:
        yield proxy
    finally:
        await proxy._session.close()
        await runner.cleanup()
