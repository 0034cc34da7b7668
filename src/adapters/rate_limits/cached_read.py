"""A rate-limited cached read in one Redis round trip: the budget's step and the cache's
`GET` run in one script, where one after the other they cost two commands (a cached
retrieval's largest cost after the framework, bench/README.md).

Each side keeps its own rules: the script runs on the cache's client (so the value's run
id is checked against the server it came from), the limiter decides on the TAT it answers
with paycore's arithmetic, and a failure counts as the limiter's and the cache's outage.
While either is sitting one out, both are asked one after the other instead.
"""

from __future__ import annotations

from redis.exceptions import RedisError

from adapters.cache import RedisPaymentCache
from adapters.rate_limits.gcra_script import GCRA_HIT_THEN_GET
from adapters.rate_limits.redis_limiter import RedisRateLimiter
from paycore.payment import Payment
from paycore.rate_limit import RateDecision, RateLimit
from paycore.use_cases.retrieve_payment import HitThenCacheRead


class RedisRateLimitedCacheRead:
    def __init__(self, limiter: RedisRateLimiter, cache: RedisPaymentCache) -> None:
        self._limiter = limiter
        self._cache = cache
        self._script = cache.client.register_script(GCRA_HIT_THEN_GET)
        self._one_after_the_other = HitThenCacheRead(limiter, cache)

    async def __call__(
        self, key: str, limit: RateLimit, merchant_id: str, payment_id: str
    ) -> tuple[RateDecision, Payment | None]:
        step = self._limiter.step_now(key, limit)
        cache_key = self._cache.readable_key(merchant_id, payment_id)
        if step is None or cache_key is None:
            return await self._one_after_the_other(key, limit, merchant_id, payment_id)
        try:
            tat, data = await self._script(keys=[step.key, cache_key], args=step.args)
        except (RedisError, OSError) as error:
            self._cache.read_failed(error)
            return await self._limiter.hit_failed(key, step, error), None
        decision = self._limiter.hit_answered(step, tat)
        if not decision.allowed:
            return decision, None
        return decision, self._cache.read_answered(payment_id, data)
