"""One bank call end to end: the pooled client, a deadline per attempt, safe retries, the
breaker, the log line and the observer. What an answer means is the `read` function's."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable

import httpx
import structlog

from adapters.bank.breaker import BankBreaker, BreakerState
from adapters.bank.config import BankClientConfig
from adapters.bank.faults import TRANSPORT_ERRORS, failure_reply
from adapters.bank.observer import BankObserver, Operation, outcome_label, outcome_reason
from adapters.bank.replies import OutcomeT, Reply
from adapters.bank.retry import Backoff, Tally, with_retries
from adapters.bank.transport import build_http_client

log = structlog.get_logger("adapters.bank")

ReadReply = Callable[[int, bytes], Reply[OutcomeT]]


class BankCaller:
    """Construction does no I/O and needs no event loop. The HTTP client is created in the
    running loop by `start()` or, lazily, by the first call; `aclose()` closes it and must
    run in that same loop (the aiohttp session is bound to it)."""

    def __init__(
        self, config: BankClientConfig, observer: BankObserver, rng: random.Random
    ) -> None:
        self._config = config
        self._observer = observer
        self._backoff = Backoff(config.backoff_base, config.backoff_max, rng)
        self._breaker = BankBreaker(
            threshold=config.breaker_threshold,
            reset_seconds=config.breaker_reset,
            probes=config.breaker_half_open_probes,
            on_change=self._breaker_changed,
        )
        self._http: httpx.AsyncClient | None = None

    @property
    def breaker_state(self) -> BreakerState:
        return self._breaker.state

    async def start(self) -> None:
        self._client()
        await self._breaker.start()

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def call(
        self,
        operation: Operation,
        method: str,
        path: str,
        read: ReadReply[OutcomeT],
        context: dict[str, str],
        headers: dict[str, str],
        body: bytes | None = None,
    ) -> OutcomeT:
        started = time.perf_counter()
        tally = Tally()

        # Read timeouts restart with every byte received; this caps a whole attempt, so a
        # bank that drips its answer still turns into Unknown on time.
        deadline = self._config.connect_timeout + self._config.timeout

        async def send() -> Reply[OutcomeT]:
            try:
                async with asyncio.timeout(deadline):
                    response = await self._client().request(
                        method, path, headers=headers, content=body
                    )
            except TRANSPORT_ERRORS as exc:
                return failure_reply(exc)
            return read(response.status_code, response.content)

        def on_retry(retry: int, reply: Reply[OutcomeT], delay: float) -> None:
            log.warning(
                "bank.retry", operation=operation, retry=retry, cause=outcome_label(reply.outcome),
                delay_ms=round(delay * 1000, 1), **context,
            )  # fmt: skip
            self._observer.retried(operation, reply.outcome)

        outcome = await self._breaker.call(
            lambda: with_retries(
                send,
                retries=self._config.retries,
                backoff=self._backoff,
                tally=tally,
                on_retry=on_retry,
            )
        )
        latency = time.perf_counter() - started
        log.info(
            f"bank.{operation}.outcome", outcome=outcome_label(outcome),
            reason=outcome_reason(outcome), latency_ms=round(latency * 1000, 2),
            attempts=tally.attempts, **context,
        )  # fmt: skip
        self._observer.call_finished(operation, outcome, latency, tally.attempts)
        return outcome

    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = build_http_client(self._config)
        return self._http

    def _breaker_changed(self, state: BreakerState) -> None:
        log.warning("bank.breaker.state_change", state=state)
        self._observer.breaker_changed(state)
