"""A Redis payment cache that degrades to misses during an outage and recovers by itself."""

from __future__ import annotations

import time

import redis.asyncio as aioredis
import structlog
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from adapters.codec import decode_json, encode_json
from paycore.payment import Payment

logger = structlog.get_logger(__name__)

PENDING_TTL_MS = 5_000
# Write only if the stored copy is not newer: two writers racing (the request and the
# settlement sweep) can then never leave the cache behind the database.
_PUT_IF_NOT_OLDER = """
local current = redis.call('GET', KEYS[1])
if current then
    local ok, stored = pcall(cjson.decode, current)
    if ok and type(stored) == 'table' and tonumber(stored['version'])
            and tonumber(stored['version']) > tonumber(ARGV[2]) then
        return 0
    end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
"""


class RedisPaymentCache:
    """Keys `paygate:payment:{merchant_id}:{payment_id}`; values the codec's JSON, with a TTL.

    After a failure the cache sits out `retry_after_seconds` (answering misses at once),
    then tries Redis again; the outage is logged once, when it starts.
    """

    def __init__(
        self,
        client: aioredis.Redis,
        ttl_seconds: float = 300.0,
        *,
        key_prefix: str = "paygate:payment:",
        retry_after_seconds: float = 1.0,
    ) -> None:
        self._client = client
        self._ttl_ms = max(1, round(ttl_seconds * 1000))
        self._prefix = key_prefix
        self._retry_after = retry_after_seconds
        self._put_script = client.register_script(_PUT_IF_NOT_OLDER)
        self._down_until: float | None = None

    @classmethod
    async def open(
        cls,
        url: str,
        ttl_seconds: float = 300.0,
        *,
        key_prefix: str = "paygate:payment:",
        socket_timeout: float = 0.25,
        retry_after_seconds: float = 1.0,
    ) -> RedisPaymentCache:
        """A client with short timeouts and no retries. An unreachable Redis is not an error."""
        client = aioredis.Redis.from_url(
            url,
            socket_timeout=socket_timeout,
            socket_connect_timeout=socket_timeout,
            retry=Retry(NoBackoff(), 0),
        )
        cache = cls(
            client, ttl_seconds, key_prefix=key_prefix, retry_after_seconds=retry_after_seconds
        )
        await cache.ping()
        return cache

    def key(self, merchant_id: str, payment_id: str) -> str:
        return f"{self._prefix}{merchant_id}:{payment_id}"

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        if self._sitting_out():
            return None
        try:
            data = await self._client.get(self.key(merchant_id, payment_id))
        except Exception as error:  # any failure is a miss, never the caller's problem
            self._went_down(error)
            return None
        self._came_back()
        if data is None:
            return None
        try:
            return decode_json(data)
        except Exception as error:
            logger.warning("cache.corrupt_entry", payment_id=payment_id, error=repr(error))
            return None

    async def put(self, payment: Payment) -> None:
        if self._sitting_out():
            return
        key = self.key(payment.merchant_id, payment.id)
        # A settled payment never changes again; a Pending one will. If the write of its
        # settlement is lost (a timeout while Redis is slow), a short life bounds how long
        # another gateway process can read the stale Pending copy.
        ttl_ms = self._ttl_ms if payment.status.is_terminal else min(self._ttl_ms, PENDING_TTL_MS)
        try:
            await self._put_script(keys=[key], args=[encode_json(payment), payment.version, ttl_ms])
        except Exception as error:
            self._went_down(error)
            return
        self._came_back()

    async def ping(self) -> bool:
        try:
            await self._client.ping()
        except Exception as error:
            self._went_down(error)
            return False
        self._came_back()
        return True

    async def close(self) -> None:
        await self._client.aclose()

    def _sitting_out(self) -> bool:
        return self._down_until is not None and time.monotonic() < self._down_until

    def _went_down(self, error: Exception) -> None:
        if self._down_until is None:
            logger.warning("cache.unavailable", error=repr(error))
        self._down_until = time.monotonic() + self._retry_after

    def _came_back(self) -> None:
        if self._down_until is not None:
            logger.info("cache.recovered")
            self._down_until = None
