"""A Redis payment cache that degrades to misses during an outage and recovers by itself.

A status read never goes back in time, within these exact bounds:
- Writes are ordered by the payment's version (a Lua check-and-set, put_script.py).
- After a Redis restart (AOF/RDB replay, failover to a replica) every entry written before
  it reads as a miss in every process, also one that never saw an error: entries carry the
  run id of the server run that stored them (server_run.py).
- A process that failed to write a newer version (or skipped it, sitting out an outage)
  reads that payment as a miss until it writes it again or the older copy has expired,
  and deletes the older copy as soon as Redis takes a `DEL` (lost_writes.py): once before
  the write returns, then in the background; the *other* processes can read it only
  while Redis stays unreachable from the writer.
- Not covered: a process that dies between a lost write and its `DEL` leaves the older
  copy to its TTL; a Pending payment's, or one holding a Pending action, is short,
  `pending_ttl_seconds` (5 s), since the sweep may settle it at any time.
A cached read is one GET and a prefix comparison; the run id costs one INFO per new
connection, not per command.
"""

from __future__ import annotations

import redis.asyncio as aioredis

from adapters.cache.entry import payment_in
from adapters.cache.lost_writes import LostWrites
from adapters.cache.outage import Outage
from adapters.cache.put_script import PUT_IF_NOT_OLDER
from adapters.cache.server_run import ServerRun
from adapters.cache.unwritten import UnwrittenKeys
from adapters.codec import encode_json
from paycore.payment import Payment

PENDING_TTL_SECONDS = 5.0


class RedisPaymentCache:
    """Keys `paygate:payment:{merchant_id}:{payment_id}`; values the codec's JSON with the
    server's run id as first field, and a TTL. Build it with `open()`: the client's
    connections must report the run id to `server_run`.

    After a failure the cache sits out `retry_after_seconds` (answering misses at once),
    then tries Redis again; the outage is logged once, when it starts.
    """

    def __init__(
        self,
        client: aioredis.Redis,
        server_run: ServerRun,
        ttl_seconds: float = 300.0,
        *,
        key_prefix: str = "paygate:payment:",
        retry_after_seconds: float = 1.0,
        pending_ttl_seconds: float = PENDING_TTL_SECONDS,
    ) -> None:
        self._client = client
        self._run = server_run
        self._ttl_ms = max(1, round(ttl_seconds * 1000))
        self._pending_ttl_ms = min(self._ttl_ms, max(1, round(pending_ttl_seconds * 1000)))
        self._prefix = key_prefix
        self._put_script = client.register_script(PUT_IF_NOT_OLDER)
        self._outage = Outage(retry_after_seconds)
        self._unwritten = UnwrittenKeys(self._pending_ttl_ms / 1000)
        self._lost = LostWrites(
            client, longest_ttl=self._ttl_ms / 1000, max_pause=retry_after_seconds
        )

    @classmethod
    async def open(
        cls,
        url: str,
        ttl_seconds: float = 300.0,
        *,
        key_prefix: str = "paygate:payment:",
        socket_timeout: float = 0.25,
        retry_after_seconds: float = 1.0,
        pending_ttl_seconds: float = PENDING_TTL_SECONDS,
    ) -> RedisPaymentCache:
        """A client with short timeouts and no retries. An unreachable Redis is not an error."""
        server_run = ServerRun()
        client = server_run.reporting_client(url, socket_timeout)
        cache = cls(
            client, server_run, ttl_seconds, key_prefix=key_prefix,
            retry_after_seconds=retry_after_seconds, pending_ttl_seconds=pending_ttl_seconds,
        )  # fmt: skip
        await cache.ping()
        return cache

    def key(self, merchant_id: str, payment_id: str) -> str:
        return f"{self._prefix}{merchant_id}:{payment_id}"

    @property
    def client(self) -> aioredis.Redis:
        """The client to read with in a script of one's own (`readable_key`,
        `read_answered`): only its connections tell this cache the server's run id."""
        return self._client

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        key = self.readable_key(merchant_id, payment_id)
        if key is None:
            return None
        try:
            data = await self._client.get(key)
        except Exception as error:  # any failure is a miss, never the caller's problem
            self.read_failed(error)
            return None
        return self.read_answered(payment_id, data)

    def readable_key(self, merchant_id: str, payment_id: str) -> str | None:
        """The payment's key, or None when reading it could only miss now (Redis sat out,
        or this process's newest write of it lost)."""
        key = self.key(merchant_id, payment_id)
        return None if self._outage.sitting_out() or key in self._unwritten else key

    def read_answered(self, payment_id: str, data: bytes | None) -> Payment | None:
        """The payment in a value this cache's client read (None: a miss)."""
        self._outage.came_back()
        return payment_in(data, self._run, payment_id)

    def read_failed(self, error: Exception) -> None:
        self._outage.went_down(error)

    async def put(self, payment: Payment) -> None:
        key = self.key(payment.merchant_id, payment.id)
        if self._outage.sitting_out():
            self._unwritten.add(key)
            self._lost.delete_later(key)  # Redis is down: no point waiting for it now
            return
        # A Pending payment, or one holding a Pending action, will change without a
        # merchant asking. If the write of its settlement is lost (a timeout while Redis
        # is slow), a short life bounds how long another gateway process reads the stale
        # copy.
        settled = payment.status.is_terminal and not any(a.is_pending for a in payment.actions)
        ttl_ms = self._ttl_ms if settled else self._pending_ttl_ms
        value = self._run.stamped(encode_json(payment))
        try:
            await self._put_script(keys=[key], args=[value, payment.version, ttl_ms])
        except Exception as error:
            self._unwritten.add(key)  # it may or may not have landed: assume not
            self._outage.went_down(error)
            await self._lost.delete(key)
            return
        self._unwritten.discard(key)
        self._lost.written(key)
        self._outage.came_back()

    async def ping(self) -> bool:
        try:
            await self._client.ping()
        except Exception as error:
            self._outage.went_down(error)
            return False
        self._outage.came_back()
        return True

    async def close(self) -> None:
        await self._lost.close()
        await self._client.aclose()
