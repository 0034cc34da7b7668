"""The before-send hooks' headers, written on the start message's raw list of byte pairs,
the request ids made without a system call, and the request metrics, whose labelled
series are looked up once."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

from prometheus_client import generate_latest

from adapters.observability import GatewayMetrics
from entrypoints.http.raw_headers import append_headers, replace_header
from entrypoints.http.request_context import new_request_id, request_context_middleware


def test_appended_headers_are_lowercase_byte_pairs_after_the_response_own() -> None:
    message: Any = {"type": "http.response.start", "status": 200, "headers": [(b"a", b"1")]}
    append_headers(message, [("X-Request-ID", "abc"), ("RateLimit-Limit", "100")])
    assert message["headers"] == [(b"a", b"1"), (b"x-request-id", b"abc"),
                                  (b"ratelimit-limit", b"100")]  # fmt: skip


def test_a_message_with_headers_as_a_tuple_or_none_gets_a_list() -> None:
    as_tuple: Any = {"type": "http.response.start", "status": 200, "headers": ((b"a", b"1"),)}
    append_headers(as_tuple, [("B", "2")])
    assert as_tuple["headers"] == [(b"a", b"1"), (b"b", b"2")]
    without: Any = {"type": "http.response.start", "status": 200}
    append_headers(without, [("B", "2")])
    assert without["headers"] == [(b"b", b"2")]


def test_a_replaced_header_is_the_only_one_of_its_name_whatever_its_case() -> None:
    message: Any = {
        "type": "http.response.start",
        "status": 503,
        "headers": [(b"Retry-After", b"5"), (b"content-type", b"x"), (b"retry-after", b"7")],
    }
    replace_header(message, "Retry-After", "30")
    assert message["headers"] == [(b"content-type", b"x"), (b"retry-after", b"30")]


async def _answer(middleware: Any, method: str, path: str) -> None:
    scope = {"type": "http", "method": method, "path": path, "headers": [],
             "path_template": path}  # fmt: skip

    async def receive() -> dict[str, object]:
        return {}

    async def send(message: object) -> None:
        return None

    await middleware(scope, receive, send)


async def test_requests_past_the_memo_of_series_are_still_counted() -> None:
    metrics = GatewayMetrics()

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})

    middleware = request_context_middleware(metrics)(app)
    for _ in range(3):
        await _answer(middleware, "GET", "/v1/payments")
    for n in range(1_005):  # more methods than the memo keeps
        await _answer(middleware, f"M{n}", "/x")
    await _answer(middleware, "M1004", "/x")

    text = generate_latest(metrics.registry).decode()
    assert 'paygate_http_requests_total{method="GET",route="/v1/payments",status="204"} 3.0' in text
    assert 'paygate_http_requests_total{method="M1004",route="/x",status="204"} 2.0' in text
    assert 'paygate_http_requests_total{method="M3",route="/x",status="204"} 1.0' in text
    count = 'paygate_http_request_duration_seconds_count{method="GET",route="/v1/payments"} 3.0'
    assert count in text


def test_new_request_ids_are_32_hex_digits_and_never_repeat() -> None:
    ids = [new_request_id() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


def test_another_process_draws_another_prefix() -> None:
    code = "from entrypoints.http.request_context import new_request_id; print(new_request_id())"
    ids = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()[:16]
        for _ in range(2)
    }
    assert len(ids) == 2
