"""A request the app never answers (its task cancelled) still leaves its trace in the log."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from entrypoints.http import request_context
from entrypoints.http.request_context import request_context_middleware


class RecordingLog:
    """Stands in for the module's logger (structlog may have cached the real one)."""

    def __init__(self) -> None:
        self.events: dict[str, dict[str, Any]] = {}

    def info(self, event: str, **fields: Any) -> None:
        self.events[event] = fields

    warning = info


async def test_a_cancelled_request_is_logged_with_why_and_its_500(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = RecordingLog()
    monkeypatch.setattr(request_context, "log", log)

    async def cancelled_app(scope: object, receive: object, send: object) -> None:
        raise asyncio.CancelledError

    middleware = request_context_middleware(None)(cancelled_app)  # type: ignore[arg-type]
    scope = {"type": "http", "method": "POST", "path": "/v1/payments", "headers": []}

    async def nothing() -> dict[str, object]:
        return {}

    async def ignore(message: object) -> None:
        return None

    with pytest.raises(asyncio.CancelledError):
        await middleware(scope, nothing, ignore)

    assert log.events["request.aborted"]["error_type"] == "CancelledError"
    assert log.events["request"]["status"] == 500
