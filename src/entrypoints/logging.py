"""structlog for everything, stdlib (uvicorn) included: JSON lines in production, a
readable console on a terminal; request and merchant ids bound to every event."""

from __future__ import annotations

import logging
import sys
from typing import Any, TextIO

import structlog

from entrypoints.redaction import redact_card_data


def configure_logging(
    log_format: str | None = None, *, stream: TextIO | None = None, level: int = logging.INFO
) -> None:
    stream = stream or sys.stderr
    as_json = log_format == "json" or (log_format is None and not stream.isatty())
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        # Last, so that it sees the rendered exception text too.
        redact_card_data,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if as_json
        else structlog.dev.ConsoleRenderer(colors=stream.isatty())
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "litestar"):
        named = logging.getLogger(name)
        named.handlers.clear()
        named.propagate = True
    # Our middleware writes one access line per request, with ids; uvicorn's is redundant,
    # and httpx's line per bank call repeats what the bank adapter logs.
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))
