"""Races that only a real database can referee: claims and guarded updates, connection by
connection, and a pool whose backends are killed under it."""

from __future__ import annotations

import asyncio

import psycopg
import pytest
from psycopg.conninfo import make_conninfo
from psycopg_pool import PoolTimeout

from adapters.postgres import PostgresDatabase
from paycore.errors import StorageUnavailable
from paycore.event_listing import EventQuery
from tests.unit.adapters.builders import T0, claim, later, new_id, payment

pytestmark = pytest.mark.integration


async def still_waiting(task: asyncio.Task) -> bool:
    # Only ever asserts that something has NOT happened yet: a slow machine cannot flake it.
    await asyncio.sleep(0.2)
    return not task.done()


@pytest.mark.parametrize("first_commits", [True, False])
async def test_a_second_claim_waits_for_the_first_then_loses_or_wins(
    pg_db: PostgresDatabase, first_commits: bool
) -> None:
    merchant_id, first, second = new_id(), payment(), payment()
    async with pg_db.unit_of_work() as one, pg_db.unit_of_work() as two:
        assert await one.idempotency.claim(claim(merchant_id, "k", first.id)) is None
        await one.payments.add(first)
        contender = asyncio.create_task(two.idempotency.claim(claim(merchant_id, "k", second.id)))
        assert await still_waiting(contender)
        await (one.commit() if first_commits else one.rollback())
        holder = await asyncio.wait_for(contender, 30)
        await two.commit()
    if first_commits:
        assert holder is not None and holder.payment_id == first.id
    else:
        assert holder is None


async def test_of_two_concurrent_guarded_updates_exactly_one_lands(
    pg_db: PostgresDatabase,
) -> None:
    p = payment()
    async with pg_db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    async with pg_db.unit_of_work() as one, pg_db.unit_of_work() as two:
        mine = await one.payments.get(p.merchant_id, p.id)
        theirs = await two.payments.get(p.merchant_id, p.id)
        mine.authorize("auth-1", later(T0, 1))
        theirs.decline("do_not_honor", later(T0, 2))
        # Saves are deferred to the commit; the guarded UPDATEs race there.
        await one.payments.save(mine)
        await two.payments.save(theirs)
        outcomes = await asyncio.gather(one.commit(), two.commit(), return_exceptions=True)
        assert sorted(type(o).__name__ for o in outcomes) == ["NoneType", "StalePayment"]
    winner = mine if outcomes[0] is None else theirs
    async with pg_db.unit_of_work() as uow:
        stored = await uow.payments.get(p.merchant_id, p.id)
        events = await uow.events.list_for_merchant(EventQuery(p.merchant_id, 10))
    assert (stored.status, stored.version) == (winner.status, 2)
    # The loser's event went with its refused update: one change, one event.
    assert [(e.type, e.payment.status) for e in events] == [
        (winner.events_since(1)[0], winner.status)
    ]


async def test_the_pool_replaces_connections_whose_backends_were_killed(pg_url: str) -> None:
    app_name = f"paygate_kill_{new_id()[:8]}"
    db = await PostgresDatabase.open(make_conninfo(pg_url, application_name=app_name), 2, 4)
    try:
        await db.migrate()
        async with db.unit_of_work() as uow:
            await uow.merchants.get(new_id())
        with psycopg.connect(pg_url, autocommit=True) as admin:
            killed = admin.execute(
                # The timeout argument waits until each backend has really exited.
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) "
                "FROM pg_stat_activity WHERE application_name = %s",
                (app_name,),
            ).fetchone()[0]
        assert killed >= 1
        p = payment()
        async with db.unit_of_work() as uow:
            await uow.payments.add(p)
            await uow.commit()
        async with db.unit_of_work() as uow:
            assert await uow.payments.get(p.merchant_id, p.id) is not None
        assert await db.ping() is True
    finally:
        await db.close()


async def test_statements_outside_the_unit_survive_killed_backends(pg_url: str) -> None:
    """Refresh-token rotation runs on its own connection; a dead one is replaced too."""
    app_name = f"paygate_kill_{new_id()[:8]}"
    db = await PostgresDatabase.open(make_conninfo(pg_url, application_name=app_name), 2, 4)
    try:
        await db.migrate()
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                "WHERE application_name = %s",
                (app_name,),
            )
        assert await db.refresh_token_uses.mark_used(new_id()) is False
    finally:
        await db.close()


async def test_ping_is_false_when_the_server_cannot_be_reached(pg_db: PostgresDatabase) -> None:
    await pg_db.pool.close()
    assert await pg_db.ping() is False


async def test_a_unit_whose_backend_dies_fails_cleanly_and_the_next_works(
    pg_db: PostgresDatabase, pg_url: str
) -> None:
    # The domain sees a lost connection as StorageUnavailable, the driver's error its cause.
    with pytest.raises(StorageUnavailable) as caught:
        async with pg_db.unit_of_work() as uow:
            pid = (await (await uow.statements.read("SELECT pg_backend_pid()")).fetchone())[0]
            with psycopg.connect(pg_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
            await uow.payments.add(payment())
            await uow.commit()
    assert isinstance(caught.value.__cause__, psycopg.OperationalError)
    p = payment()
    async with pg_db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    async with pg_db.unit_of_work() as uow:
        assert await uow.payments.get(p.merchant_id, p.id) is not None


async def test_opening_an_unreachable_database_fails_within_its_timeout() -> None:
    with pytest.raises(PoolTimeout):
        await PostgresDatabase.open(
            "postgresql://postgres@127.0.0.1:1/postgres", 1, 1, acquire_timeout=0.5
        )
