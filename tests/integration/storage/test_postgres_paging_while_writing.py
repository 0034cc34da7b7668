"""Paging through a list on PostgreSQL while payments are being created: each payment at
most once, and none missed of those that existed when paging began."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

import pytest

from adapters.postgres import PostgresDatabase
from paycore import ListPayments, PaymentListRequest
from tests.unit.adapters.builders import new_id, payment

pytestmark = pytest.mark.integration


async def add(pg_db: PostgresDatabase, *payments) -> None:
    async with pg_db.unit_of_work() as uow:
        for p in payments:
            await uow.payments.add(p)
        await uow.commit()


async def test_paging_while_payments_are_created(pg_db: PostgresDatabase) -> None:
    merchant_id = new_id()
    now = datetime.now(UTC)
    # Some share a created_at: the id orders them.
    existing = [
        payment(merchant_id, created_at=now - timedelta(seconds=100 - i // 3)) for i in range(90)
    ]
    await add(pg_db, *existing)
    list_payments = ListPayments(uow=pg_db.unit_of_work)
    stop = asyncio.Event()
    created: list[str] = []

    async def keep_creating() -> None:
        # New payments, and late commits of payments stamped before paging began (their
        # transaction took a while): neither may duplicate nor hide an existing one.
        for n in itertools.count():
            if stop.is_set():
                return
            stamped = datetime.now(UTC) if n % 2 else now - timedelta(seconds=50 + n % 40)
            p = payment(merchant_id, created_at=stamped)
            await add(pg_db, p)
            created.append(p.id)
            await asyncio.sleep(0)

    writer = asyncio.create_task(keep_creating())
    seen: list[str] = []
    cursor = None
    try:
        while True:
            page = await list_payments(
                merchant_id, PaymentListRequest(limit=7, starting_after=cursor)
            )
            seen += [p.id for p in page.payments]
            if not page.has_more:
                break
            cursor = page.payments[-1].id
            await asyncio.sleep(0.005)  # let the writer commit between pages
    finally:
        stop.set()
        await writer
    assert len(created) > 10, "the writer barely ran"
    assert len(seen) == len(set(seen)), "a payment was listed twice"
    assert {p.id for p in existing} <= set(seen), "an existing payment was skipped"
    assert set(seen) <= {p.id for p in existing} | set(created)
