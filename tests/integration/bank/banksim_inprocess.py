"""A banksim app served over real loopback HTTP from the test's own event loop.

Starting a banksim process costs seconds of imports; a hypothesis example that draws its
own faults needs its own simulator, so these are served in-process (milliseconds).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn

from banksim.app import create_app
from banksim.settings import BanksimSettings


@asynccontextmanager
async def serving_banksim(settings: BanksimSettings) -> AsyncIterator[str]:
    config = uvicorn.Config(
        create_app(settings),
        host="127.0.0.1",
        port=0,
        lifespan="off",
        access_log=False,
        log_level="warning",
        # Hung answers must not hold the shutdown.
        timeout_graceful_shutdown=0.1,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=None))
    while not server.started:
        if task.done():
            task.result()  # raises why it stopped
        await asyncio.sleep(0.01)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        await task
