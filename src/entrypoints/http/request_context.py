"""Per-request context: the X-Request-ID on every response, one access-log line and the
request metrics (count and latency by route)."""

from __future__ import annotations

import itertools
import re
import secrets
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import structlog
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from adapters.observability import GatewayMetrics
from adapters.observability.redaction import redact_text
from entrypoints.http.raw_headers import append_headers

REQUEST_ID_HEADER = "X-Request-ID"
# Echo only ids that are safe to put in logs and headers.
REQUEST_ID_PATTERN = r"[A-Za-z0-9._:/+=\-]{1,128}"
_SANE_REQUEST_ID = re.compile(REQUEST_ID_PATTERN)
# The routes whose answers carry payment data (resource, list, legacy; an event carries a
# payment too) or secrets (tokens, API keys, webhook signing secrets).
_PAYMENT_DATA_PATHS = (
    "/v1/payments", "/v1/process-payment", "/v1/get-payment", "/v1/events", "/v1/auth/",
    "/v1/api_keys", "/v1/webhook_endpoints",
)  # fmt: skip
log = structlog.get_logger("paygate.access")
# A request id need only be unique, never secret: 16 random hex digits drawn once per
# process, then a counter, cost no system call per request (a uuid4 reads the kernel's
# random source: 3 % of a cached read's CPU). uvicorn spawns its workers, so each imports
# this module afresh and draws its own prefix.
_PROCESS_PREFIX = secrets.token_hex(8)
_request_numbers = itertools.count(1)


def request_id_of(scope: Scope) -> str:
    """The client's request id if it is sane, else a new one; fixed for the request."""
    state: dict[str, Any] = scope.setdefault("state", {})
    request_id = state.get("request_id")
    if request_id is None:
        supplied = next(
            (v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"x-request-id"),
            "",
        )
        # An id that carries a card number is not echoed: request ids are never redacted.
        safe = _SANE_REQUEST_ID.fullmatch(supplied) and redact_text(supplied) == supplied
        request_id = supplied if safe else new_request_id()
        state["request_id"] = request_id
    return str(request_id)


def new_request_id() -> str:
    """32 hex digits, like a uuid4's: this process's prefix and its request number."""
    return f"{_PROCESS_PREFIX}{next(_request_numbers):016x}"


async def add_request_id_header(message: Message, scope: Scope) -> None:
    """A before-send hook: it sees every response, unmatched routes and errors included.

    Responses about payments must never sit in a browser's or a proxy's cache."""
    if message["type"] == "http.response.start":
        append_headers(message, [(REQUEST_ID_HEADER, request_id_of(scope))])
        if scope["path"].startswith(_PAYMENT_DATA_PATHS):
            append_headers(message, [("Cache-Control", "no-store")])


def request_context_middleware(metrics: GatewayMetrics | None) -> Callable[[ASGIApp], ASGIApp]:
    """Binds the request id for logging; logs and counts each answered request."""
    return partial(_with_request_context, metrics=metrics)


def _with_request_context(app: ASGIApp, metrics: GatewayMetrics | None) -> ASGIApp:
    observe = _RequestObserver(metrics) if metrics is not None else None

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id_of(scope))
        status = 500
        started = time.perf_counter()

        async def remember_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await app(scope, receive, remember_status)
        except BaseException as exc:
            # Exceptions are answered by the app's handlers; what gets here is a cancelled
            # task or the like, which the client sees as a 500 with nothing else in the log.
            log.warning("request.aborted", error_type=type(exc).__name__)
            raise
        finally:
            seconds = time.perf_counter() - started
            method = str(scope.get("method", ""))
            log.info(
                "request",
                method=method,
                path=scope.get("path"),
                status=status,
                duration_ms=round(seconds * 1000, 1),
            )
            if observe is not None:
                route = str(scope.get("path_template", "unmatched"))
                observe(method, route, status, seconds)

    return middleware


class _RequestObserver:
    """Counts and times a request in the metrics. The labelled series of each (method, route,
    status) are looked up once: `labels()` takes a lock and checks its arguments on every
    call. Methods are the client's to choose, so the memo is bounded."""

    _MEMO_SIZE = 1_000

    def __init__(self, metrics: GatewayMetrics) -> None:
        self._metrics = metrics
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def __call__(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        series = self._series.get(key)
        if series is None:
            series = (
                self._metrics.http_requests.labels(method, route, str(status)),
                self._metrics.http_latency.labels(method, route),
            )
            if len(self._series) < self._MEMO_SIZE:
                self._series[key] = series
        count, latency = series
        count.inc()
        latency.observe(seconds)
