"""The ASGI servers `paygate serve` can run the app on; both build it from a factory."""

from __future__ import annotations

import uvicorn

from entrypoints.http.header_limit import MAX_HEAD_BYTES, HeadLimitedHttpToolsProtocol

SERVERS = ("uvicorn", "granian")


def run_server(
    server: str, *, factory: str, host: str, port: int, workers: int, graceful_seconds: int
) -> None:
    if server == "granian":
        _run_granian(factory, host, port, workers, graceful_seconds)
        return
    uvicorn.run(
        factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http=HeadLimitedHttpToolsProtocol,
        log_config=None,
        access_log=False,
        # Let in-flight payments finish their bank call before the process exits.
        timeout_graceful_shutdown=graceful_seconds,
    )


def _run_granian(factory: str, host: str, port: int, workers: int, graceful_seconds: int) -> None:
    from granian import Granian
    from granian.constants import Interfaces, Loops
    from granian.http import HTTP1Settings
    from granian.log import LogLevels

    Granian(
        factory,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        factory=True,
        workers=workers,
        loop=Loops.uvloop,
        websockets=False,
        log_level=LogLevels.warning,
        workers_kill_timeout=graceful_seconds,
        # hyper answers 431 once a request head outgrows its read buffer.
        http1_settings=HTTP1Settings(max_buffer_size=MAX_HEAD_BYTES),
    ).serve()
