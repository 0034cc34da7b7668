"""The in-process memory of logins found signed in: bounded in time and in size."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from adapters.auth import RecentSignIns
from paycore.merchant import Merchant

AT = datetime(2026, 1, 1, tzinfo=UTC)


def merchant(n: int) -> Merchant:
    return Merchant(id=f"m{n}", email=f"m{n}@example.com", created_at=AT)


class Seconds:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_login_is_recalled_until_its_age_reaches_the_bound() -> None:
    seconds = Seconds()
    recent = RecentSignIns(1.0, monotonic=seconds)
    recent.remember(merchant(1), "login-a")

    seconds.now = 0.999
    assert recent.recall("m1", "login-a") == merchant(1)
    assert recent.recall("m1", "login-b") is None
    assert recent.recall("m2", "login-a") is None

    seconds.now = 1.0
    assert recent.recall("m1", "login-a") is None
    seconds.now = 0.5  # an expired entry is dropped, not merely hidden
    assert recent.recall("m1", "login-a") is None


def test_a_zero_bound_remembers_nothing() -> None:
    recent = RecentSignIns(0.0)
    recent.remember(merchant(1), "login-a")
    assert recent.recall("m1", "login-a") is None


def test_when_full_the_oldest_entry_makes_room() -> None:
    seconds = Seconds()
    recent = RecentSignIns(10.0, capacity=2, monotonic=seconds)
    recent.remember(merchant(1), "a")
    seconds.now = 1
    recent.remember(merchant(2), "b")
    seconds.now = 2
    recent.remember(merchant(1), "a")  # found again: now the youngest
    recent.remember(merchant(3), "c")

    assert recent.recall("m2", "b") is None
    assert recent.recall("m1", "a") == merchant(1)
    assert recent.recall("m3", "c") == merchant(3)


async def test_a_login_or_a_merchant_can_be_forgotten_at_once() -> None:
    recent = RecentSignIns(60.0)
    recent.remember(merchant(1), "a")
    recent.remember(merchant(1), "b")
    recent.remember(merchant(2), "c")

    await recent.forget_login("a")
    assert recent.recall("m1", "a") is None
    assert recent.recall("m1", "b") == merchant(1)

    recent.drop_merchant("m1")
    assert recent.recall("m1", "b") is None
    assert recent.recall("m2", "c") == merchant(2)


class SlowRead:
    """Finds merchant 1 signed in, letting other tasks run first; counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self) -> Merchant:
        self.calls += 1
        await asyncio.sleep(0)
        return merchant(1)


async def test_logins_missed_together_are_read_once_and_remembered() -> None:
    recent, read = RecentSignIns(60.0), SlowRead()
    found = await asyncio.gather(*(recent.recall_or_read("m1", "a", read) for _ in range(20)))

    assert found == [merchant(1)] * 20 and read.calls == 1
    assert recent.recall("m1", "a") == merchant(1)


async def test_a_read_overtaken_by_a_revocation_is_not_remembered() -> None:
    recent = RecentSignIns(60.0)

    async def read_while_revoked() -> Merchant:
        recent.drop_login("a")  # the login is revoked while its read is in flight
        return merchant(1)

    assert await recent.recall_or_read("m1", "a", read_while_revoked) == merchant(1)
    assert recent.recall("m1", "a") is None


async def test_with_remembering_off_every_caller_reads() -> None:
    recent, read = RecentSignIns(0.0), SlowRead()
    await asyncio.gather(*(recent.recall_or_read("m1", "a", read) for _ in range(5)))
    assert read.calls == 5
