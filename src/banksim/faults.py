"""Injected faults: latency, outages (503) and hangs, drawn from one seedable generator."""

from __future__ import annotations

import asyncio
import random

from banksim.settings import BanksimSettings


class Faults:
    """With a seed and requests in a fixed order, the same faults hit the same requests.
    A rate of 0 draws nothing, so the fault-free path costs no random numbers."""

    def __init__(self, settings: BanksimSettings) -> None:
        self._random = random.Random(settings.seed)  # noqa: S311 - simulation, not security
        self._latency = settings.latency_ms / 1000
        self._jitter = settings.jitter_ms / 1000
        self._fail_rate = settings.fail_rate
        self._hang_rate = settings.hang_rate
        self.hang_seconds = settings.hang_seconds

    async def delay(self) -> None:
        """Fixed latency plus a uniform jitter in [0, jitter]."""
        seconds = self._latency
        if self._jitter:
            seconds += self._random.uniform(0, self._jitter)
        if seconds:
            await asyncio.sleep(seconds)

    def outage(self) -> bool:
        """This request meets a simulated outage: 503, never processed."""
        return bool(self._fail_rate) and self._random.random() < self._fail_rate

    def hang(self) -> bool:
        """This request is processed but its answer is held back past any client timeout."""
        return bool(self._hang_rate) and self._random.random() < self._hang_rate
