"""Concurrent reads of one key share the first one's answer, never across a revocation."""

from __future__ import annotations

import asyncio

import pytest

from adapters.auth.shared_reads import SharedReads


class GatedRead:
    """A read that answers only once let go, counting how often it was asked."""

    def __init__(self, answers: list[object]) -> None:
        self.gate = asyncio.Event()
        self.calls = 0
        self._answers = answers

    async def __call__(self) -> object:
        self.calls += 1
        answer = self._answers[self.calls - 1]
        await self.gate.wait()
        if isinstance(answer, Exception):
            raise answer
        return answer


async def settled() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_callers_that_ask_together_share_one_read() -> None:
    reads: SharedReads[str, object] = SharedReads()
    read = GatedRead(["answer"])
    asked = [asyncio.create_task(reads.read("k", read)) for _ in range(10)]
    await settled()
    read.gate.set()

    assert await asyncio.gather(*asked) == [("answer", True)] * 10
    assert read.calls == 1


async def test_other_keys_and_later_callers_read_for_themselves() -> None:
    reads: SharedReads[str, object] = SharedReads()
    read = GatedRead(["a", "b", "c"])
    read.gate.set()
    assert await reads.read("k", read) == ("a", True)
    assert await reads.read("k", read) == ("b", True)
    assert await reads.read("other", read) == ("c", True)


async def test_a_read_begun_before_an_invalidation_is_joined_by_no_later_caller() -> None:
    reads: SharedReads[str, object] = SharedReads()
    read = GatedRead(["before", "after"])
    early = asyncio.create_task(reads.read("k", read))
    await settled()
    reads.invalidate()  # a revocation while the first read is in flight
    late = asyncio.create_task(reads.read("k", read))
    await settled()
    read.gate.set()

    assert await early == ("before", False)  # answered, but not to be remembered
    assert await late == ("after", True)
    assert read.calls == 2


async def test_a_failed_read_fails_its_joiners_and_the_next_caller_reads_again() -> None:
    reads: SharedReads[str, object] = SharedReads()
    read = GatedRead([RuntimeError("store down"), "back"])
    asked = [asyncio.create_task(reads.read("k", read)) for _ in range(3)]
    await settled()
    read.gate.set()

    outcomes = await asyncio.gather(*asked, return_exceptions=True)
    assert [str(o) for o in outcomes] == ["store down"] * 3
    assert await reads.read("k", read) == ("back", True)


async def test_when_the_reader_is_cancelled_one_of_its_joiners_reads() -> None:
    reads: SharedReads[str, object] = SharedReads()
    read = GatedRead(["lost", "found"])
    leader = asyncio.create_task(reads.read("k", read))
    await settled()
    joiners = [asyncio.create_task(reads.read("k", read)) for _ in range(3)]
    await settled()
    leader.cancel()
    await settled()
    read.gate.set()

    with pytest.raises(asyncio.CancelledError):
        await leader
    assert await asyncio.gather(*joiners) == [("found", True)] * 3
    assert read.calls == 2
