"""One authorization end to end: faults, idempotency, the bank's decision, the log line."""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from banksim.bank import INJECTED_OUTAGE, Answer, Bank
from banksim.faults import Faults
from banksim.json_bodies import ChargeRequest
from banksim.metrics import BankMetrics
from banksim.replays import Replays

logger = logging.getLogger("banksim")


class PaymentDesk:
    """Without `replays` (plain mode) idempotency keys are ignored."""

    def __init__(
        self, bank: Bank, faults: Faults, replays: Replays[Answer] | None, metrics: BankMetrics
    ) -> None:
        self._bank = bank
        self._faults = faults
        self._replays = replays
        self._metrics = metrics

    async def authorize(self, charge: ChargeRequest, key: str | None) -> Answer:
        if key is None or self._replays is None:
            answer, replayed = await self._process(charge), False
        else:
            answer, replayed = await self._replays.answer(key, partial(self._process, charge))
        _log_decision(charge, key, answer, replayed)
        self._metrics.record(answer.outcome.value, replayed)
        if not answer.injected and self._faults.hang():
            # Processed and recorded; only the answer is lost. The gateway settles it later
            # with GET /payments/{key}.
            logger.info("holding the answer back for %ss key=%s", self._faults.hang_seconds, key)
            await asyncio.sleep(self._faults.hang_seconds)
        return answer

    async def lookup(self, key: str) -> Answer | None:
        assert self._replays is not None, "lookups exist only with the extensions on"
        return await self._replays.lookup(key)

    async def _process(self, charge: ChargeRequest) -> Answer:
        await self._faults.delay()
        if self._faults.outage():
            return INJECTED_OUTAGE
        return self._bank.decide(charge.card_number, charge.currency, charge.amount)


def _log_decision(charge: ChargeRequest, key: str | None, answer: Answer, replayed: bool) -> None:
    """Last four digits only; the CVV never."""
    logger.info(
        "authorization outcome=%s%s last4=%s amount=%d currency=%r key=%r replayed=%s",
        answer.outcome.value,
        _detail(answer),
        charge.card_number[-4:],
        charge.amount,
        charge.currency,
        key,
        replayed,
    )


def _detail(answer: Answer) -> str:
    if answer.injected:
        return " (injected outage, nothing processed)"
    return f" reason={answer.decline_reason}" if answer.decline_reason else ""
