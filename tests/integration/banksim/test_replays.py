"""The idempotency store in process: ordering made explicit with events, no HTTP, no sleeps."""

from __future__ import annotations

import asyncio

from banksim.bank import INJECTED_OUTAGE, Answer, Outcome
from banksim.replays import Replays

AUTHORIZED = Answer(Outcome.AUTHORIZED, "code-1")


class GatedProcess:
    """A charge that counts its runs and finishes only when released."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.runs = 0
        self.release = asyncio.Event()

    async def __call__(self) -> Answer:
        self.runs += 1
        await self.release.wait()
        return self.answer


async def test_concurrent_duplicates_share_one_run_and_one_answer() -> None:
    replays, process = Replays(), GatedProcess(AUTHORIZED)
    calls = [asyncio.create_task(replays.answer("k", process)) for _ in range(100)]
    await asyncio.sleep(0)
    process.release.set()
    results = await asyncio.gather(*calls)
    assert process.runs == 1
    assert {answer for answer, _ in results} == {AUTHORIZED}
    assert [replayed for _, replayed in results].count(False) == 1


async def test_a_lookup_waits_for_a_key_still_being_processed() -> None:
    replays, process = Replays(), GatedProcess(AUTHORIZED)
    charge = asyncio.create_task(replays.answer("k", process))
    await asyncio.sleep(0)
    lookup = asyncio.create_task(replays.lookup("k"))
    await asyncio.sleep(0)
    assert not lookup.done()
    process.release.set()
    assert await lookup == AUTHORIZED
    assert await charge == (AUTHORIZED, False)


async def test_an_injected_outage_is_not_recorded_so_a_retry_is_processed() -> None:
    replays, outage, success = Replays(), GatedProcess(INJECTED_OUTAGE), GatedProcess(AUTHORIZED)
    outage.release.set()
    success.release.set()
    assert await replays.answer("k", outage) == (INJECTED_OUTAGE, False)
    assert await replays.lookup("k") is None
    assert await replays.answer("k", success) == (AUTHORIZED, False)
    assert await replays.answer("k", success) == (AUTHORIZED, True)
    assert success.runs == 1


async def test_a_cancelled_first_caller_does_not_cancel_the_charge() -> None:
    replays, process = Replays(), GatedProcess(AUTHORIZED)
    first = asyncio.create_task(replays.answer("k", process))
    await asyncio.sleep(0)
    first.cancel()
    process.release.set()
    assert await replays.lookup("k") == AUTHORIZED


async def test_the_oldest_keys_are_dropped_past_the_limit() -> None:
    replays = Replays(max_keys=2)
    for key in ("a", "b", "c"):
        process = GatedProcess(AUTHORIZED)
        process.release.set()
        await replays.answer(key, process)
    assert await replays.lookup("a") is None
    assert await replays.lookup("c") == AUTHORIZED
