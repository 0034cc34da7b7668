"""Repeat a bank call while its reply says repeating is safe, with capped, jittered backoff."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from adapters.bank.replies import OutcomeT, Reply


@dataclass(frozen=True, slots=True)
class Backoff:
    base: float
    cap: float
    # Not a secret: jitter only spreads retries of many clients apart.
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, retry: int) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2**(retry - 1))], retry counting from 1."""
        return self.rng.uniform(0, min(self.cap, self.base * 2 ** (retry - 1)))


@dataclass(slots=True)
class Tally:
    """How many times a call went to the bank."""

    attempts: int = 0


OnRetry = Callable[[int, Reply[OutcomeT], float], None]


async def with_retries(
    send: Callable[[], Awaitable[Reply[OutcomeT]]],
    *,
    retries: int,
    backoff: Backoff,
    tally: Tally,
    on_retry: OnRetry[OutcomeT],
) -> Reply[OutcomeT]:
    while True:
        tally.attempts += 1
        reply = await send()
        retry = tally.attempts  # the number this next try would carry, counted from 1
        if not reply.retryable or retry > retries:
            return reply
        delay = backoff.delay(retry)
        on_retry(retry, reply, delay)
        await asyncio.sleep(delay)
