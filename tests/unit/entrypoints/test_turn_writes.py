"""A connection's writes of one turn of the event loop leave as one: on their own, and
through the server's protocol, whose response head and body reach the socket together."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.config import Config
from uvicorn.server import ServerState

from entrypoints.http.turn_writes import TurnBatchedHttpToolsProtocol, TurnBatchedTransport


class RecordingTransport(asyncio.Transport):
    """What the socket was asked to do, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, Any]] = []
        self.closing = False

    def write(self, data: Any) -> None:
        self.calls.append(("write", bytes(data)))

    def write_eof(self) -> None:
        self.calls.append(("write_eof", None))

    def can_write_eof(self) -> bool:
        return True

    def close(self) -> None:
        self.closing = True
        self.calls.append(("close", None))

    def abort(self) -> None:
        self.closing = True
        self.calls.append(("abort", None))

    def is_closing(self) -> bool:
        return self.closing

    def get_write_buffer_size(self) -> int:
        return 7

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(
            name, default
        )


async def next_turn() -> None:
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def test_the_writes_of_one_turn_leave_together_on_the_next() -> None:
    inner = RecordingTransport()
    batched = TurnBatchedTransport(inner, asyncio.get_running_loop())
    batched.write(b"HTTP/1.1 200 OK\r\n\r\n")
    batched.writelines([b"{", memoryview(b"}")])
    assert inner.calls == []
    assert batched.get_write_buffer_size() == 21 + 7
    await next_turn()
    assert inner.calls == [("write", b"HTTP/1.1 200 OK\r\n\r\n{}")]
    batched.write(b"next")
    await next_turn()
    assert inner.calls[1:] == [("write", b"next")]


async def test_closing_or_ending_the_stream_sends_what_is_held_first() -> None:
    inner = RecordingTransport()
    batched = TurnBatchedTransport(inner, asyncio.get_running_loop())
    batched.write(b"431")
    batched.write_eof()
    batched.write(b"bye")
    batched.close()
    await next_turn()  # the flush scheduled by the first write finds nothing left
    assert inner.calls == [("write", b"431"), ("write_eof", None), ("write", b"bye"),
                           ("close", None)]  # fmt: skip


async def test_aborting_drops_what_is_held_and_a_closed_socket_gets_nothing() -> None:
    inner = RecordingTransport()
    batched = TurnBatchedTransport(inner, asyncio.get_running_loop())
    batched.write(b"dropped")
    batched.abort()
    await next_turn()
    assert inner.calls == [("abort", None)]
    batched.write(b"too late")
    await next_turn()
    assert inner.calls == [("abort", None)]


async def test_the_protocol_sends_a_response_head_and_body_in_one_write() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", b"2")]})  # fmt: skip
        await send({"type": "http.response.body", "body": b"ok"})

    config = Config(app=app, lifespan="off", ws="none", log_config=None)
    config.load()
    protocol = TurnBatchedHttpToolsProtocol(config, ServerState(), app_state={})
    inner = RecordingTransport()
    protocol.connection_made(inner)
    protocol.data_received(b"GET /ping HTTP/1.1\r\nHost: x\r\n\r\n")
    for _ in range(10):
        await asyncio.sleep(0)
        if inner.calls:
            break
    writes = [data for name, data in inner.calls if name == "write"]
    assert len(writes) == 1
    assert writes[0].startswith(b"HTTP/1.1 200 OK\r\n") and writes[0].endswith(b"\r\n\r\nok")
    protocol.connection_lost(None)
