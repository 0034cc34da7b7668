"""Which run of the Redis server a client talks to, learnt on every (re)connection.

A restarted Redis replays its AOF or RDB: entries come back exactly as they were, including
a Pending copy whose settlement could not be written while Redis was down. INFO's `run_id`
is random per server start and never persisted, so an entry stamped with it is readable
only from the run that stored it; whatever a restart restores reads as a miss.
"""

from __future__ import annotations

import redis.asyncio as aioredis
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ResponseError

_FIELD = b'{"redis_run_id":"'
# Written before the first connection ever learnt a run id: no reader can match it.
_NO_RUN = _FIELD + b'-",'


class ServerRun:
    """Holds the stamp of the server run this client's connections reach.

    `on_connect` is the pool's `redis_connect_func`: every new connection, including the
    silent reconnect of a pooled one the server closed, asks INFO before its first command.
    One stamp per client is exact for one server behind the address: a TCP connection
    cannot outlive the server process, so once any connection reached the new run, none is
    left to the old one. (A cluster client would need a stamp per node.) A mismatch either
    way is only ever a miss.
    """

    def __init__(self) -> None:
        self.stamp: bytes | None = None  # None until the first connection

    async def on_connect(self, connection: AbstractConnection) -> None:
        await connection.on_connect()  # the default handshake: AUTH, SELECT, ...
        await connection.send_command("INFO", "server")
        info = await connection.read_response()
        self.stamp = _FIELD + _run_id(info) + b'",'

    def reporting_client(self, url: str, timeout: float) -> aioredis.Redis:
        """A client whose every connection reports to this run, with `timeout` on each
        connect and read and no retries (a slow cache must not slow a request down)."""
        return aioredis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
            redis_connect_func=self.on_connect,
        )

    def stamped(self, encoded: bytes) -> bytes:
        """The codec's JSON object with this run's id as its first field (still a payment
        record: the codec ignores unknown fields, the put script reads `version`).

        A stamp learnt from the run before a restart lands as a mismatch: a miss, never
        a stale hit."""
        return (self.stamp or _NO_RUN) + encoded[1:]

    def is_current(self, value: bytes | str) -> bool:
        # The cache's client never decodes responses: a str is not one of its entries.
        return self.stamp is not None and isinstance(value, bytes) and value.startswith(self.stamp)


def _run_id(info: bytes | str) -> bytes:
    raw = info.encode() if isinstance(info, str) else info
    for line in raw.splitlines():
        name, _, value = line.partition(b":")
        if name == b"run_id" and value.strip().isalnum():
            return value.strip()
    # A ResponseError is a RedisError: redis-py then drops the connection, the cache
    # counts an outage and answers misses, as it does for any Redis it cannot trust.
    raise ResponseError("INFO server answered no run_id")
