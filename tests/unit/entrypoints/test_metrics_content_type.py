"""GET /metrics names its charset once: Prometheus 3 refuses a Content-Type it cannot parse."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import Message

from litestar.testing import TestClient
from prometheus_client import CONTENT_TYPE_LATEST

from adapters.memory import InMemoryBank, ManualClock
from entrypoints.http.routes.metrics import without_charset
from entrypoints.runtime.gateway_app import gateway_app
from tests.integration.http.conftest import MemoryDatabase, make_container


def test_the_exposition_type_loses_only_its_charset() -> None:
    assert without_charset(CONTENT_TYPE_LATEST) == CONTENT_TYPE_LATEST.replace(
        "; charset=utf-8", ""
    )
    assert without_charset("text/plain; Charset=UTF-8; version=0.0.4") == (
        "text/plain; version=0.0.4"
    )


def test_the_served_header_parses_with_one_charset() -> None:
    container = make_container(MemoryDatabase(), InMemoryBank(), ManualClock(datetime.now(UTC)))
    with TestClient(gateway_app(container, settle_in_background=False)) as client:
        header = client.get("/metrics").headers["content-type"]
    message = Message()
    message["content-type"] = header
    assert header.lower().count("charset") == 1
    assert message.get_content_type() == "text/plain"
    assert message.get_param("charset") == "utf-8"
    assert message.get_param("version") == "1.0.0"
