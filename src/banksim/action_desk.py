"""One follow-up action end to end: faults, idempotency, the rules, the log line, metrics."""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from banksim.action_answers import INJECTED_ACTION_OUTAGE, ActionAnswer, ActionKind
from banksim.faults import Faults
from banksim.follow_ups import FollowUps
from banksim.metrics import BankMetrics
from banksim.replays import Replays

logger = logging.getLogger("banksim")


class ActionDesk:
    """The same faults as authorizations, drawn from the same generator. Without a key an
    action is applied every time it is sent, and nothing is recorded."""

    def __init__(
        self,
        follow_ups: FollowUps,
        faults: Faults,
        replays: Replays[ActionAnswer],
        metrics: BankMetrics,
    ) -> None:
        self._follow_ups = follow_ups
        self._faults = faults
        self._replays = replays
        self._metrics = metrics

    async def act(
        self, kind: ActionKind, code: str, amount: int | None, key: str | None
    ) -> ActionAnswer:
        process = partial(self._process, kind, code, amount)
        if key is None:
            answer, replayed = await process(), False
        else:
            answer, replayed = await self._replays.answer(key, process)
        logger.info(
            "action type=%s outcome=%s%s authorization=%s amount=%s key=%r replayed=%s",
            kind.value,
            answer.outcome,
            f" code={answer.code}" if answer.code else "",
            code,
            "rest" if amount is None else amount,
            key,
            replayed,
        )
        self._metrics.record_action(kind.value, answer.outcome, replayed)
        if not answer.injected and self._faults.hang():
            # Applied and recorded; only the answer is lost. GET /actions/{key} tells.
            logger.info("holding the answer back for %ss key=%s", self._faults.hang_seconds, key)
            await asyncio.sleep(self._faults.hang_seconds)
        return answer

    async def lookup(self, key: str) -> ActionAnswer | None:
        return await self._replays.lookup(key)

    async def _process(self, kind: ActionKind, code: str, amount: int | None) -> ActionAnswer:
        await self._faults.delay()
        if self._faults.outage():
            return INJECTED_ACTION_OUTAGE
        return self._follow_ups.apply(kind, code, amount)
