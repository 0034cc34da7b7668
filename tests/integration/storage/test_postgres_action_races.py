"""Concurrent actions on one payment, refereed by PostgreSQL: the version-guarded save is
what serializes them, so together they never reserve more than the domain allows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from adapters.postgres import PostgresDatabase
from paycore.actions import ActionType
from paycore.errors import AmountTooLarge, StalePayment
from paycore.event_listing import EventQuery
from paycore.events import EventType
from paycore.payment import Payment
from tests.unit.adapters.builders import T0, later, new_id
from tests.unit.adapters.lifecycle_builders import captured

pytestmark = pytest.mark.integration
TASKS = 10


@pytest.fixture
async def wide_db(pg_db: PostgresDatabase, pg_url: str) -> AsyncIterator[PostgresDatabase]:
    """The migrated, emptied database, with a connection for each task at once."""
    db = await PostgresDatabase.open(pg_url, 1, TASKS + 2)
    yield db
    await db.close()


async def stored_captured(db: PostgresDatabase) -> Payment:
    p = captured()  # 1050 captured, nothing refunded
    async with db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    return p


async def refunds_of(db: PostgresDatabase, p: Payment) -> list[int]:
    async with db.unit_of_work() as uow:
        stored = await uow.payments.get(p.merchant_id, p.id)
    return [a.amount for a in stored.actions if a.type is ActionType.REFUND]


async def test_of_ten_refunds_started_on_one_read_exactly_one_commits(
    wide_db: PostgresDatabase,
) -> None:
    p = await stored_captured(wide_db)
    all_loaded = asyncio.Barrier(TASKS)

    async def refund() -> None:
        async with wide_db.unit_of_work() as uow:
            loaded = await uow.payments.get(p.merchant_id, p.id)
            await all_loaded.wait()  # every task holds the same version
            loaded.refund(new_id(), 100, later(T0, 10))
            await uow.payments.save(loaded)
            await uow.commit()

    outcomes = await asyncio.gather(*(refund() for _ in range(TASKS)), return_exceptions=True)
    assert sorted(type(o).__name__ for o in outcomes) == ["NoneType"] + ["StalePayment"] * 9
    assert await refunds_of(wide_db, p) == [100]


async def test_refunds_retried_after_stale_saves_stop_where_the_domain_does(
    wide_db: PostgresDatabase,
) -> None:
    p = await stored_captured(wide_db)

    async def refund_until_done() -> str:
        while True:
            async with wide_db.unit_of_work() as uow:
                loaded = await uow.payments.get(p.merchant_id, p.id)
                try:
                    loaded.refund(new_id(), 300, later(T0, 10))
                except AmountTooLarge:
                    return "refused"
                await uow.payments.save(loaded)
                try:
                    await uow.commit()
                except StalePayment:
                    continue  # another refund got there first: read again, ask again
                return "committed"

    outcomes = await asyncio.gather(*(refund_until_done() for _ in range(TASKS)))
    # 1050 captured holds three Pending refunds of 300, never a fourth.
    assert sorted(outcomes) == ["committed"] * 3 + ["refused"] * 7
    assert await refunds_of(wide_db, p) == [300, 300, 300]


async def test_of_ten_settlements_of_one_refund_exactly_one_records_its_event(
    wide_db: PostgresDatabase,
) -> None:
    p = captured()
    refund = p.refund(new_id(), 100, later(T0, 10))
    async with wide_db.unit_of_work() as uow:
        await uow.payments.add(p)  # its authorization and capture are recorded with it
        await uow.commit()
    all_loaded = asyncio.Barrier(TASKS)

    async def settle() -> None:
        async with wide_db.unit_of_work() as uow:
            loaded = await uow.payments.get(p.merchant_id, p.id)
            await all_loaded.wait()
            loaded.confirm_action(refund.id, later(T0, 11))
            await uow.payments.save(loaded)
            await uow.commit()

    outcomes = await asyncio.gather(*(settle() for _ in range(TASKS)), return_exceptions=True)
    assert sorted(type(o).__name__ for o in outcomes) == ["NoneType"] + ["StalePayment"] * 9
    async with wide_db.unit_of_work() as uow:
        events = await uow.events.list_for_merchant(EventQuery(p.merchant_id, 20))
    assert [e.type for e in events] == [
        EventType.PAYMENT_REFUNDED,
        EventType.PAYMENT_CAPTURED,
        EventType.PAYMENT_AUTHORIZED,
    ]
