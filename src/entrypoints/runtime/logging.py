"""structlog for everything, stdlib (uvicorn) included: JSON lines in production, a
readable console on a terminal; request and merchant ids bound to every event.

Our own events take structlog's native path (a level-filtering bound logger writing
straight to the stream, msgspec for JSON): the stdlib round trip cost more CPU than the
rest of a cached payment retrieval. Foreign stdlib records share the same processors.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, TextIO

import msgspec
import structlog

from adapters.observability.redaction import redact_card_data

_json = msgspec.json.Encoder(enc_hook=repr)


def _render_json(_logger: Any, _method: str, event_dict: Any) -> str:
    return _json.encode(event_dict).decode()


class _StreamLogger:
    """Writes rendered lines to the stream of the latest `configure_logging` call.

    Loggers are cached on first use (cheap logging calls); reading the stream here, not
    at creation, lets a reconfiguration (tests capturing logs) reach them all the same.
    """

    stream: TextIO = sys.stderr

    def __init__(self, *args: Any) -> None:
        self.name = str(args[0]) if args else "paygate"

    def msg(self, message: str) -> None:
        _StreamLogger.stream.write(message + "\n")

    debug = info = warning = warn = error = critical = exception = fatal = log = msg


def configure_logging(
    log_format: str | None = None, *, stream: TextIO | None = None, level: int = logging.INFO
) -> str:
    """Route every log line through structlog; returns the format chosen, "json" or "console"."""
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
    renderer: Any = (
        _render_json if as_json else structlog.dev.ConsoleRenderer(colors=stream.isatty())
    )
    _StreamLogger.stream = stream
    structlog.configure(
        processors=[*shared, renderer],
        logger_factory=_StreamLogger,
        wrapper_class=structlog.make_filtering_bound_logger(level),
        cache_logger_on_first_use=True,
    )
    _route_stdlib_logging(shared, renderer, stream, level)
    return "json" if as_json else "console"


def _route_stdlib_logging(shared: list[Any], renderer: Any, stream: TextIO, level: int) -> None:
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
