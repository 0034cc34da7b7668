"""Payments processed with real card numbers leave no PAN (or CVV) in any store.

What is asserted, honestly:
- the PAN, in every form it was sent (digits, spaced) and its first 12 digits, appears
  nowhere: not in `pg_dump --data-only`, not in the SQLite file or its WAL, not in any
  Redis value (GET) nor its serialisation (DUMP; note DUMP may LZF-compress long strings,
  so GET is the meaningful check);
- the CVV string appears nowhere either. A short digit string could occur by chance in
  ids, hashes or timestamps, so every input here is deterministic (manual clock,
  sequential ids, fixed HMAC key) and the dump leaves out the one table written with the
  real time (the migrations ledger): the check cannot flake, and it was seen to pass for
  this CVV. No column or JSON field is named like a card number or CVV (checked by the
  schema test and below for the cached JSON).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path

import pytest
import redis

from adapters.cache import RedisPaymentCache, TtlPaymentCache
from adapters.clock_ids_hashing import HmacFingerprinter
from adapters.memory import InMemoryBank, ManualClock, SequentialIds
from adapters.postgres import PostgresDatabase
from adapters.sqlite import SqliteDatabase
from paycore.bank import Unknown
from paycore.ports import PaymentCache, UnitOfWorkFactory
from paycore.use_cases.process_payment import ProcessPayment, ProcessPaymentCommand
from paycore.validation import PaymentPolicy, PaymentRequest
from tests.conftest import service_missing

pytestmark = pytest.mark.integration

MERCHANT = "0193aaaa-bbbb-7ccc-8ddd-eeeeffff0001"
CVV = "7391"
CARDS = ("4242 4242 4242 4242", "4111-1111-1111-1111", "5555555555554444")
FORBIDDEN = [CVV.encode()] + [
    form.encode()
    for card in CARDS
    for digits in [card.replace(" ", "").replace("-", "")]
    for form in (card, digits, digits[:12])
]


async def process_payments(uow: UnitOfWorkFactory, cache: PaymentCache) -> None:
    bank = InMemoryBank()
    process = ProcessPayment(
        uow=uow,
        bank=bank,
        cache=cache,
        clock=ManualClock(),
        ids=SequentialIds(),
        fingerprinter=HmacFingerprinter(b"a-fixed-test-key-of-32-bytes...."),
        policy=PaymentPolicy(),
    )
    bank.script.append(Unknown("timeout"))  # the first payment stays Pending
    for n, card in enumerate(CARDS):
        request = PaymentRequest(card, 12, 2030, CVV, 1050 + n, "USD", f"order-{n}")
        await process(ProcessPaymentCommand(MERCHANT, request, idempotency_key=f"key-{n}"))


def pg_dump(url: str) -> bytes:
    # Every table but the migrations ledger: its `applied_at` is the real time (the
    # database's now()), whose microseconds spell the CVV by chance (a run failed on one);
    # it holds only versions and times, no column a payment could reach.
    command = ["pg_dump", "--data-only", "--exclude-table-data=schema_migrations", url]
    return subprocess.run(command, capture_output=True, check=True, timeout=60).stdout


def database_files(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.glob("paygate.db*"))}


def leaks(data: bytes) -> list[bytes]:
    return [secret for secret in FORBIDDEN if secret in data]


def assert_events_hold_no_card_data(snapshots: list[str], fingerprints: list[str]) -> None:
    """The events (the outbox webhooks send from) hold the masked card only: no PAN, no
    CVV, not even the keyed fingerprint the payments table keeps."""
    assert len(snapshots) == len(CARDS) - 1  # every payment but the Pending one
    for snapshot in snapshots:
        assert leaks(snapshot.encode()) == []
        assert not [f for f in fingerprints if f in snapshot]
        fields = json.loads(snapshot)
        assert "card_fingerprint" not in fields
        assert not [f for f in fields if "cvv" in f or f in {"pan", "card_number"}]


async def test_postgres_and_redis_hold_no_card_secrets(
    pg_db: PostgresDatabase, pg_url: str, redis_url: str, redis_prefix: str
) -> None:
    cache = await RedisPaymentCache.open(redis_url, key_prefix=redis_prefix)
    client = redis.Redis.from_url(redis_url)
    try:
        await process_payments(pg_db.unit_of_work, cache)
        try:
            dump = await asyncio.to_thread(pg_dump, pg_url)
        except FileNotFoundError:
            service_missing("pg_dump", "the binary is not on PATH")
        assert b"0193aaaa-bbbb-7ccc-8ddd-eeeeffff0001" in dump  # the dump holds our rows
        assert leaks(dump) == []
        async with pg_db.pool.connection() as conn:
            rows = await (await conn.execute("SELECT payment::text FROM events")).fetchall()
            cursor = await conn.execute("SELECT card_fingerprint FROM payments")
            fingerprints = [f for (f,) in await cursor.fetchall()]
        assert_events_hold_no_card_data([row for (row,) in rows], fingerprints)

        keys = list(client.scan_iter(match=f"{redis_prefix}*"))
        assert len(keys) == len(CARDS)
        for key in keys:
            value = client.get(key)
            assert leaks(value) == [] and leaks(client.dump(key)) == []
            fields = json.loads(value)
            assert not [f for f in fields if "cvv" in f or f in {"pan", "card_number"}]
    finally:
        for key in client.scan_iter(match=f"{redis_prefix}*"):
            client.delete(key)
        client.close()
        await cache.close()


async def test_the_sqlite_file_and_its_wal_hold_no_card_secrets(tmp_path: Path) -> None:
    path = tmp_path / "paygate.db"
    db = await SqliteDatabase.open(str(path))
    try:
        await process_payments(db.unit_of_work, TtlPaymentCache())
        files = database_files(tmp_path)
        assert "paygate.db-wal" in files  # read while the database is still open
        everything = b"".join(files.values())
        assert MERCHANT.encode() in everything
        assert leaks(everything) == []
        rows = await db.on_reader(lambda c: c.execute("SELECT payment FROM events").fetchall())
        fingerprints = await db.on_reader(
            lambda c: [f for (f,) in c.execute("SELECT card_fingerprint FROM payments")]
        )
        assert_events_hold_no_card_data([row for (row,) in rows], fingerprints)
    finally:
        await db.close()
    assert leaks(b"".join(database_files(tmp_path).values())) == []
