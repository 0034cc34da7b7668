"""A request the app never answers (its task cancelled) still leaves its trace in the log."""

from __future__ import annotations

import asyncio

import pytest
from structlog.testing import capture_logs

from entrypoints.http.request_context import request_context_middleware


async def test_a_cancelled_request_is_logged_with_why_and_its_500() -> None:
    async def cancelled_app(scope: object, receive: object, send: object) -> None:
        raise asyncio.CancelledError

    middleware = request_context_middleware(None)(cancelled_app)  # type: ignore[arg-type]
    scope = {"type": "http", "method": "POST", "path": "/v1/payments", "headers": []}

    async def nothing() -> dict[str, object]:
        return {}

    async def ignore(message: object) -> None:
        return None

    with capture_logs() as logs, pytest.raises(asyncio.CancelledError):
        await middleware(scope, nothing, ignore)

    events = {entry["event"]: entry for entry in logs}
    assert events["request.aborted"]["error_type"] == "CancelledError"
    assert events["request"]["status"] == 500
