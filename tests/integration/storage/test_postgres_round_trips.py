"""How many statements a payment sends to PostgreSQL: each one is a round trip through
the driver, the cost bench/README.md measured and removed. These are ceilings: a change
may lower them, never raise them.

Every statement is counted where psycopg sends it, by a cursor class the pool gives
each connection, so nothing the adapter does escapes the count.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from psycopg import AsyncConnection, AsyncCursor
from psycopg_pool import AsyncConnectionPool

from adapters.clock_ids_hashing import HmacFingerprinter, Uuid7Generator
from adapters.memory import InMemoryBank, InMemoryPaymentCache, ManualClock
from adapters.postgres import PostgresDatabase
from paycore import (
    PaymentPolicy,
    PaymentStatus,
    ProcessPayment,
    ProcessPaymentCommand,
    RetrievePayment,
    SettlementPolicy,
    SettlePendingPayments,
)
from paycore.bank import Unknown
from tests.unit.adapters.builders import new_id
from tests.unit.adapters.lifecycle_builders import captured
from tests.unit.paycore.gateway import AUTHORIZED_PAN, DECLINED_PAN, payment_request

pytestmark = pytest.mark.integration


@dataclass
class Statements:
    sent: list[str] = field(default_factory=list)

    def cursor_class(self) -> type[AsyncCursor[Any]]:
        sent = self.sent

        class CountingCursor(AsyncCursor[Any]):
            async def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
                sent.append(query.decode() if isinstance(query, bytes) else str(query))
                return await super().execute(query, params, **kwargs)

        return CountingCursor

    def taken(self) -> list[str]:
        """The statements sent since the last call."""
        taken, self.sent[:] = list(self.sent), []
        return taken


@dataclass
class Gateway:
    db: PostgresDatabase
    statements: Statements
    bank: InMemoryBank = field(default_factory=InMemoryBank)
    cache: InMemoryPaymentCache = field(default_factory=InMemoryPaymentCache)
    clock: ManualClock = field(default_factory=ManualClock)

    def process(self) -> ProcessPayment:
        return ProcessPayment(
            uow=self.db.unit_of_work,
            bank=self.bank,
            cache=self.cache,
            clock=self.clock,
            ids=Uuid7Generator(),
            fingerprinter=HmacFingerprinter(b"round-trip-test-fingerprint-key!"),
            policy=PaymentPolicy(),
        )


@pytest.fixture
async def gateway(pg_db: PostgresDatabase, pg_url: str) -> AsyncIterator[Gateway]:
    # pg_db has migrated and emptied the database; this pool counts what reaches it.
    statements = Statements()

    async def count_on(conn: AsyncConnection[Any]) -> None:
        conn.cursor_factory = statements.cursor_class()

    pool = AsyncConnectionPool(
        pg_url, min_size=1, max_size=2, open=False, kwargs={"autocommit": True}, configure=count_on
    )
    await pool.open(wait=True)
    try:
        yield Gateway(PostgresDatabase(pool), statements)
    finally:
        await pool.close()


def pay(pan: str, key: str | None, merchant_id: str) -> ProcessPaymentCommand:
    return ProcessPaymentCommand(merchant_id, payment_request(card_number=pan), key)


@pytest.mark.parametrize(
    ("pan", "key", "ceiling"),
    [
        (AUTHORIZED_PAN, None, 2),  # insert; guarded update
        (DECLINED_PAN, None, 2),
        # BEGIN, claim, insert, COMMIT; BEGIN, guarded update, completion, COMMIT
        (AUTHORIZED_PAN, "key-1", 8),
        (DECLINED_PAN, "key-1", 8),
    ],
)
async def test_a_new_payment(gateway: Gateway, pan: str, key: str | None, ceiling: int) -> None:
    result = await gateway.process()(pay(pan, key, new_id()))
    assert result.payment.status.is_terminal
    sent = gateway.statements.taken()
    assert 0 < len(sent) <= ceiling, sent


async def test_a_replayed_key(gateway: Gateway) -> None:
    command = pay(AUTHORIZED_PAN, "key-1", new_id())
    first = await gateway.process()(command)
    gateway.statements.taken()
    replayed = await gateway.process()(command)
    assert replayed.payment.id == first.payment.id
    sent = gateway.statements.taken()
    assert 0 < len(sent) <= 4, sent  # BEGIN, claim (it loses), the holder, ROLLBACK


async def test_a_retrieval_cached_and_not(gateway: Gateway) -> None:
    made = (await gateway.process()(pay(AUTHORIZED_PAN, None, new_id()))).payment
    gateway.statements.taken()
    retrieve = RetrievePayment(uow=gateway.db.unit_of_work, cache=InMemoryPaymentCache())
    assert (await retrieve(made.merchant_id, made.id)).id == made.id
    uncached = gateway.statements.taken()
    assert 0 < len(uncached) <= 1, uncached
    assert (await retrieve(made.merchant_id, made.id)).id == made.id
    assert gateway.statements.taken() == []


async def test_a_settlement(gateway: Gateway) -> None:
    gateway.bank.script.append(Unknown("timed out"))
    pending = (await gateway.process()(pay(AUTHORIZED_PAN, None, new_id()))).payment
    assert pending.status is PaymentStatus.PENDING
    gateway.clock.advance(timedelta(minutes=5))
    gateway.statements.taken()
    settle = SettlePendingPayments(
        uow=gateway.db.unit_of_work,
        bank=gateway.bank,
        cache=gateway.cache,
        clock=gateway.clock,
        policy=SettlementPolicy(),
    )
    report = await settle()
    assert [p.id for p in report.settled] == [pending.id]  # the bank never saw it: Failed
    sent = gateway.statements.taken()
    assert 0 < len(sent) <= 2, sent  # the due payments; one guarded update


async def test_an_action_costs_a_payment_no_extra_statement(gateway: Gateway) -> None:
    p = captured()
    async with gateway.db.unit_of_work() as uow:
        await uow.payments.add(p)
        await uow.commit()
    gateway.statements.taken()
    async with gateway.db.unit_of_work() as uow:
        loaded = await uow.payments.get(p.merchant_id, p.id)
        loaded.refund(new_id(), 100, loaded.updated_at)
        await uow.payments.save(loaded)
        await uow.commit()
    sent = gateway.statements.taken()
    # The payment with its actions; its guarded update, actions included (autocommit).
    assert [s.split()[0] for s in sent] == ["SELECT", "UPDATE"], sent
