"""`paygate serve`: prepare the database once, start the embedded bank once, then the server."""

from __future__ import annotations

import asyncio
import os
import signal
import tempfile
from dataclasses import replace
from types import FrameType

import structlog
from litestar import Litestar

from entrypoints.runtime.container_use import build_container, resolve, task_container
from entrypoints.runtime.demo import DEMO_EMAIL, ensure_demo_merchant, quickstart
from entrypoints.runtime.embedded_bank import EmbeddedBank
from entrypoints.runtime.gateway_app import gateway_app
from entrypoints.runtime.logging import configure_logging
from entrypoints.runtime.resources import import_drivers
from entrypoints.runtime.servers import run_server
from entrypoints.runtime.settings import Settings, load_settings
from paycore.use_cases import NewMerchant

APP_FACTORY = "entrypoints.runtime.worker:app_from_environment"
RETURNING_USER_HINT = (
    f"The demo merchant {DEMO_EMAIL} exists; its API key was printed on first start. "
    "Make another merchant with: paygate merchants create --email you@example.com"
)
log = structlog.get_logger("paygate")


def app_from_environment() -> Litestar:
    """What each worker builds, from the environment; the parent prepared the database."""
    settings = load_settings()
    configure_logging(settings.log_format)
    import_drivers(settings)
    return gateway_app(build_container(settings, migrate=False), owns_process=True)


def _exit_cleanly(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    # uvicorn re-raises SIGINT/SIGTERM once it has shut down gracefully; these handlers
    # turn that into a normal exit (status 0) that still stops the embedded bank.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _exit_cleanly)
    log_format = configure_logging(settings.log_format)
    # Workers are fresh processes with the same stderr: they log as the parent chose, and
    # a JSON worker leaves out the console's modules (entrypoints/runtime/worker.py).
    os.environ["PAYGATE_LOG_FORMAT"] = log_format
    demo = asyncio.run(_prepare(settings))
    bank: EmbeddedBank | None = None
    if settings.embedded_bank:
        bank = EmbeddedBank.start()
        # Workers are fresh processes: they learn the simulator's URL from the environment.
        os.environ["PAYGATE_BANK_URL"] = bank.url
        settings = replace(settings, bank_url=bank.url)
        log.info("embedded bank simulator started", url=bank.url, pid=bank.process.pid)
    metrics_dir = _share_metrics_between(workers)
    try:
        if demo is not None:
            base_url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"  # noqa: S104
            print(quickstart(base_url, demo.merchant.email, demo.api_key), flush=True)
        elif not settings.uses_postgres:
            print(RETURNING_USER_HINT, flush=True)
        run_server(
            factory=APP_FACTORY,
            host=host,
            port=port,
            workers=workers,
            graceful_seconds=int(settings.bank_timeout) + 5,
        )
    finally:
        if bank is not None:
            bank.stop()
        if metrics_dir is not None:
            metrics_dir.cleanup()


def _share_metrics_between(workers: int) -> tempfile.TemporaryDirectory[str] | None:
    """With several workers, each writes its samples where /metrics can add them up."""
    if workers <= 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return None
    directory = tempfile.TemporaryDirectory(prefix="paygate-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory.name
    return directory


async def _prepare(settings: Settings) -> NewMerchant | None:
    """Before any worker starts: the keys (embedded: created), the migrations and, in
    embedded mode, the demo merchant of a first start."""
    async with task_container(settings) as container:
        container.keyed_settings()
        await resolve(container.database)
        if settings.uses_postgres:
            return None
        return await ensure_demo_merchant(await resolve(container.register_merchant))
