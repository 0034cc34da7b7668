"""The ASGI server `paygate serve` runs the app on: uvicorn, building it from a factory.

granian was a second choice until it showed no gain on the payment path (bench/README.md,
"uvicorn or granian").
"""

from __future__ import annotations

import uvicorn

from entrypoints.http.header_limit import HeadLimitedHttpToolsProtocol


def run_server(*, factory: str, host: str, port: int, workers: int, graceful_seconds: int) -> None:
    uvicorn.run(
        factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http=HeadLimitedHttpToolsProtocol,
        # No route speaks WebSocket; "auto" would import the websockets package into
        # every worker for nothing.
        ws="none",
        log_config=None,
        access_log=False,
        # Let in-flight payments finish their bank call before the process exits.
        timeout_graceful_shutdown=graceful_seconds,
    )
