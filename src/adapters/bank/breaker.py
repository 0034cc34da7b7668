"""The bank's circuit breaker: purgatory's in-memory breaker plus a half-open probe limit.

Only replies that show the bank down count as failures (`Reply.bank_down`: refused or
timed-out calls, 5xx); declines and 4xx do not. purgatory lets every call through once
the reset time has passed, so `BankBreaker` lets only `probes` calls test the bank at once
and turns the others away as if the circuit were still open.
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any, Literal, Protocol

from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.model import Context, OpenedState

from adapters.bank.replies import OutcomeT, Reply
from paycore.bank import Unavailable
from paycore.payment import FailureReason

BreakerState = Literal["closed", "open", "half_open"]
_STATES: dict[str, BreakerState] = {
    "closed": "closed",
    "opened": "open",
    "half-opened": "half_open",
}
CIRCUIT = "acquiring-bank"


class _BankDown(Exception):
    """Raised inside the breaker so purgatory counts the failure; carries the outcome out."""

    def __init__(self, reply: Reply[Any]) -> None:
        super().__init__("the bank is down")
        self.reply = reply


class _Circuit(AbstractAsyncContextManager[object], Protocol):
    """What `AsyncCircuitBreakerFactory.get_breaker` returns, as far as we use it."""

    context: Context


def _not_bank_down(exc: BaseException) -> bool:
    return not isinstance(exc, _BankDown)


class BankBreaker:
    def __init__(
        self,
        *,
        threshold: int,
        reset_seconds: float,
        probes: int,
        on_change: Callable[[BreakerState], None],
    ) -> None:
        # Anything but _BankDown (a bug, a cancelled call) passes through uncounted.
        self._factory = AsyncCircuitBreakerFactory(
            default_threshold=threshold,
            default_ttl=reset_seconds,
            exclude=[(BaseException, _not_bank_down)],
        )
        self._factory.add_listener(self._hook)
        self._on_change = on_change
        self._max_probes = probes
        self._probes = 0
        self._breaker: _Circuit | None = None

    @property
    def state(self) -> BreakerState:
        """The state the next call meets: "half_open" as soon as the reset time has passed."""
        if self._breaker is None:
            return "closed"
        context = self._breaker.context
        if context.state == "opened" and _remaining_open(context) <= 0:
            return "half_open"
        return _STATES[context.state]

    async def call(self, operation: Callable[[], Awaitable[Reply[OutcomeT]]]) -> OutcomeT:
        """Run `operation` unless the circuit is open; open: CIRCUIT_OPEN, no call made."""
        breaker = await self._get()
        # No await between this check and entering the breaker: no other call slips in.
        probing = self.state == "half_open"
        if probing and self._probes >= self._max_probes:
            return self._rejected(breaker.context)
        if probing:
            self._probes += 1
        try:
            async with breaker:
                reply = await operation()
                if reply.bank_down:
                    raise _BankDown(reply)
        except OpenedState:
            return self._rejected(breaker.context)
        except _BankDown as down:
            return down.reply.outcome  # type: ignore[no-any-return]
        finally:
            if probing:
                self._probes -= 1
        return reply.outcome

    async def start(self) -> None:
        await self._get()

    async def _get(self) -> _Circuit:
        if self._breaker is None:
            breaker = await self._factory.get_breaker(CIRCUIT)
            self._breaker = self._breaker or breaker  # the first of two racing calls wins
        return self._breaker

    def _rejected(self, context: Context) -> Unavailable:
        wait = max(1, math.ceil(_remaining_open(context)))
        return Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=wait)

    def _hook(self, name: str, event_type: str, event: Any) -> None:
        if event_type == "state_changed":
            self._on_change(_STATES[event.state])


def _remaining_open(context: Context) -> float:
    if context.state != "opened" or context.opened_at is None:
        return 0.0
    return context.opened_at + context.ttl - time.time()
