"""Redis clients for the gateway's best-effort uses (the cache, the rate limiter), whose
every command is bounded by one deadline that the caller keeps with `asyncio.timeout`.

Why not redis-py's `socket_timeout`: with it, every command's write runs under
`asyncio.wait_for`, which on Python 3.11 makes the write a Task of its own, and its read
under a timeout context of its own; together a third of a command's CPU (bench/README.md,
sixth session). One `asyncio.timeout` around the whole command (pool checkout, write,
read) bounds it as tightly. When it fires, redis-py closes the connection in the middle of
the command (it disconnects on any exception raised inside one), so no half-read reply is
left for the next command on that connection; the caller sees a `TimeoutError`, which is
an `OSError`.
"""

from __future__ import annotations

from redis import asyncio as aioredis
from redis.backoff import NoBackoff
from redis.retry import Retry

# A slow Redis must not slow every payment: past this, a command counts as failed.
COMMAND_TIMEOUT_SECONDS = 0.25


def best_effort_client(
    url: str, *, connect_timeout: float = COMMAND_TIMEOUT_SECONDS, **options: object
) -> aioredis.Redis:
    """No retries and no socket timeout of redis-py's own: the caller's deadline bounds
    each command. Connecting is bounded too, also outside any deadline."""
    return aioredis.Redis.from_url(
        url,
        socket_timeout=None,
        socket_connect_timeout=connect_timeout,
        retry=Retry(NoBackoff(), 0),
        **options,
    )
