"""One budget per key for every gateway process sharing a Redis (GCRA, one atomic script).

A Redis outage must not stop payments: while Redis fails, each process decides on its own
in-process budget instead (the same limit, per process) and logs a warning once per
outage; it tries Redis again after `retry_after_seconds`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import structlog
from redis import asyncio as aioredis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from adapters.memory.rate_limits import InMemoryRateLimiter
from adapters.rate_limits.gcra_script import GCRA_STEP
from paycore.rate_limit import RateDecision, RateLimit, decide, look

log = structlog.get_logger(__name__)


class RedisRateLimiter:
    def __init__(
        self,
        client: aioredis.Redis,
        *,
        key_prefix: str = "paygate:rate:",
        clock: Callable[[], float] = time.time,
        retry_after_seconds: float = 1.0,
    ) -> None:
        self._client = client
        self._prefix = key_prefix
        # Wall-clock time: every process (and host) must agree on it.
        self._clock = clock
        self._step = client.register_script(GCRA_STEP)
        self._fallback = InMemoryRateLimiter(clock=clock)
        self._retry_after = retry_after_seconds
        self._down_until: float | None = None

    @classmethod
    def open(cls, url: str, *, key_prefix: str = "paygate:rate:") -> RedisRateLimiter:
        """Short timeouts and no retries: a slow Redis must not slow every payment."""
        client = aioredis.Redis.from_url(
            url, socket_timeout=0.25, socket_connect_timeout=0.25, retry=Retry(NoBackoff(), 0)
        )
        return cls(client, key_prefix=key_prefix)

    async def hit(self, key: str, limit: RateLimit) -> RateDecision:
        return await self._decide(key, limit, spend=True)

    async def peek(self, key: str, limit: RateLimit) -> RateDecision:
        return await self._decide(key, limit, spend=False)

    async def give_back(self, key: str, limit: RateLimit) -> None:
        await self._decide(key, limit, spend=None)

    async def close(self) -> None:
        await self._client.aclose()

    def step_now(self, key: str, limit: RateLimit) -> GcraStep | None:
        """What a script needs for a step of `key` now (its Redis key and the arguments
        now, period, interval), or None while Redis is sat out: the local budget decides."""
        now = self._clock()
        if self._down_until is not None and now < self._down_until:
            return None
        return GcraStep(self._prefix + key, now, limit)

    def hit_answered(self, step: GcraStep, tat: bytes | str) -> RateDecision:
        """The decision on a step Redis answered with this TAT."""
        self._redis_answered()
        return decide(step.limit, float(tat), step.now)[0]

    async def hit_failed(self, key: str, step: GcraStep, error: Exception) -> RateDecision:
        """The decision on a step Redis failed: the local budget's, Redis sat out a while."""
        self._redis_failed(error, step.now)
        return await self._fallback.hit(key, step.limit)

    async def _decide(self, key: str, limit: RateLimit, *, spend: bool | None) -> RateDecision:
        """`spend`: True spends a request, False only looks, None gives one back."""
        step = self.step_now(key, limit)
        if step is None:
            return await self._locally(key, limit, spend=spend)
        mode = {True: "1", False: "0", None: "-1"}[spend]
        try:
            start = await self._step(keys=[step.key], args=[*step.args, mode])
        except (RedisError, OSError) as error:
            self._redis_failed(error, step.now)
            return await self._locally(key, limit, spend=spend)
        self._redis_answered()
        tat = float(start)
        return decide(limit, tat, step.now)[0] if spend else look(limit, tat, step.now)

    def _redis_failed(self, error: Exception, now: float) -> None:
        if self._down_until is None:
            log.warning("rate_limits.redis_down_deciding_locally", error=type(error).__name__)
        self._down_until = now + self._retry_after

    def _redis_answered(self) -> None:
        if self._down_until is not None:
            log.info("rate_limits.redis_back")
            self._down_until = None

    async def _locally(self, key: str, limit: RateLimit, *, spend: bool | None) -> RateDecision:
        if spend is None:
            await self._fallback.give_back(key, limit)
        if spend:
            return await self._fallback.hit(key, limit)
        return await self._fallback.peek(key, limit)


@dataclass(frozen=True, slots=True)
class GcraStep:
    key: str  # in Redis, with the limiter's prefix
    now: float
    limit: RateLimit

    @property
    def args(self) -> list[str]:
        return [f"{self.now:.6f}", repr(self.limit.period), repr(self.limit.interval)]
