"""A bound on a request's head (request line and headers): 431 past 16 KiB, at the server.

uvicorn's httptools protocol buffers a head of any size before the app sees it, so an 8 MB
header would be read, kept and parsed. This protocol counts the head's bytes as they
arrive, before they reach the parser, and answers 431 once they pass the limit.
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEAD_BYTES = 16 * 1024
# After the 431, what the client is still sending is read and dropped for a moment (a
# lingering close): closing at once would reset the connection before it reads the answer.
LINGER_SECONDS = 2.0
_END_OF_HEAD = b"\r\n\r\n"
_TOO_LARGE = b"request header fields too large (over 16 KiB in total)\n"
_RESPONSE_431 = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"content-length: " + str(len(_TOO_LARGE)).encode() + b"\r\n"
    b"connection: close\r\n\r\n" + _TOO_LARGE
)


class HeadLimitedHttpToolsProtocol(HttpToolsProtocol):
    _reading_head = True
    _head_bytes = 0
    _refused = False

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._reading_head:
            end = data.find(_END_OF_HEAD)
            self._head_bytes += len(data) if end < 0 else end
            if self._head_bytes > MAX_HEAD_BYTES:
                self._refuse()
                return
        super().data_received(data)

    def _refuse(self) -> None:
        self.logger.warning("request head over %d bytes refused", MAX_HEAD_BYTES)
        self._refused = True
        self.transport.write(_RESPONSE_431)
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)

    def on_headers_complete(self) -> None:
        self._reading_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._reading_head, self._head_bytes = True, 0
        super().on_message_complete()
