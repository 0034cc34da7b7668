"""`python -m banksim` / `paygate banksim`: run the simulator under uvicorn (uvloop, httptools).

Every option can also come from the environment (BANKSIM_*); a flag wins over its variable.
Run a single process: balances and idempotency records live in its memory.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
from collections.abc import Mapping, Sequence

import uvicorn

from banksim.app import create_app
from banksim.settings import BanksimSettings

_TRUE = {"1", "true", "yes", "on"}


def _non_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def build_parser(environ: Mapping[str, str]) -> argparse.ArgumentParser:
    """Defaults are the environment's strings; argparse converts and checks them too."""
    env = environ.get
    parser = argparse.ArgumentParser(prog="banksim", description="A bank simulator (API.md §5).")
    add = parser.add_argument
    add("--host", default=env("BANKSIM_HOST", "127.0.0.1"))
    add("--port", type=int, default=env("BANKSIM_PORT", "8081"), help="0 picks a free port")
    add("--latency-ms", type=_non_negative, default=env("BANKSIM_LATENCY_MS", "0"))
    add("--jitter-ms", type=_non_negative, default=env("BANKSIM_JITTER_MS", "0"))
    add("--fail-rate", type=_rate, default=env("BANKSIM_FAIL_RATE", "0"), help="share of 503s")
    add("--hang-rate", type=_rate, default=env("BANKSIM_HANG_RATE", "0"))
    add("--hang-seconds", type=_non_negative, default=env("BANKSIM_HANG_SECONDS", "30"))
    add("--seed", type=int, default=env("BANKSIM_SEED"), help="seed of the fault generator")
    add(
        "--plain",
        action="store_true",
        default=env("BANKSIM_PLAIN", "").lower() in _TRUE,
        help="base contract only: no idempotency, no lookups, no balances",
    )
    add("--log-level", default=env("BANKSIM_LOG_LEVEL", "info"), type=str.lower)
    return parser


def parse_settings(
    argv: Sequence[str] | None, environ: Mapping[str, str] | None = None
) -> BanksimSettings:
    parser = build_parser(os.environ if environ is None else environ)
    args = parser.parse_args(argv)
    try:
        return BanksimSettings(**vars(args))
    except ValueError as error:
        parser.error(str(error))


class _AnnouncingServer(uvicorn.Server):
    """Prints one line once the socket listens (with the real port when --port 0)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            print(f"banksim listening on http://{host}:{port}", flush=True)


def main(argv: list[str] | None = None) -> None:
    settings = parse_settings(argv)
    logging.basicConfig(  # a no-op when the caller (e.g. `paygate banksim`) set logging up
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    logging.getLogger("banksim").setLevel(settings.log_level.upper())
    build_server(settings).run()


def build_server(settings: BanksimSettings) -> uvicorn.Server:
    """For embedding: `server.run()` (or `await server.serve()`), `server.should_exit = True`
    to stop. Signals are only handled when it runs in the main thread."""
    config = uvicorn.Config(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        loop="uvloop",
        http="httptools",
        lifespan="off",
        access_log=False,  # one decision line per payment is logged instead
        log_level="warning",
        timeout_graceful_shutdown=2,  # hung requests must not hold a shutdown for long
    )
    return _AnnouncingServer(config)
