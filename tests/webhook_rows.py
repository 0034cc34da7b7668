"""Writing events and reading webhook rows in any store, for tests.

Events are written by the payment repositories in production; these tests of the webhook
half record them directly, exactly as the `events` table holds them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from adapters.webhooks.event_rows import payment_json
from paycore.events import Event, EventType
from tests.unit.adapters.builders import T0, payment


def event(merchant_id: str, type_: EventType = EventType.PAYMENT_AUTHORIZED, at=T0) -> Event:
    return Event("evt_" + uuid.uuid4().hex, merchant_id, type_, at, payment(merchant_id))


@dataclass(frozen=True)
class AttemptRow:
    number: int
    finished: bool
    response_status: int | None
    error: str | None


async def record_event(database: Any, e: Event) -> None:
    body = payment_json(e).decode()
    if hasattr(database, "pool"):
        async with database.pool.connection() as conn:
            await conn.execute(
                "INSERT INTO events (id, merchant_id, type, created_at, payment_id, payment) "
                "VALUES (%s, %s, %s, %s, %s, %s::jsonb)",
                (e.id, e.merchant_id, e.type.value, e.created_at, e.payment.id, body),
            )
    elif hasattr(database, "on_writer"):
        from adapters.sqlite.timestamps import to_micros

        row = (e.id, e.merchant_id, e.type.value, to_micros(e.created_at), e.payment.id, body)
        sql = (
            "INSERT INTO events (id, merchant_id, type, created_at, payment_id, payment) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        )
        await database.acquire_write_lock()
        try:
            await database.on_writer(lambda c: c.execute(sql, row))
        finally:
            database.write_lock.release()
    else:
        database.events[e.id] = e


async def attempts_of(database: Any, delivery_id: int) -> list[AttemptRow]:
    sql = (
        "SELECT number, finished_at IS NOT NULL, response_status, error FROM webhook_attempts "
        "WHERE delivery_id = {p} ORDER BY number"
    )
    if hasattr(database, "pool"):
        async with database.pool.connection() as conn:
            rows = await (await conn.execute(sql.format(p="%s"), (delivery_id,))).fetchall()
    elif hasattr(database, "on_reader"):
        q = sql.format(p="?")
        rows = await database.on_reader(lambda c: c.execute(q, (delivery_id,)).fetchall())
    else:
        found = sorted(
            (n, a) for (d, n), a in database.webhook_state.attempts.items() if d == delivery_id
        )
        rows = [(n, a.finished_at is not None, a.response_status, a.error) for n, a in found]
    return [AttemptRow(n, bool(f), s, e) for n, f, s, e in rows]


async def deliveries_of(database: Any) -> list[tuple[Any, ...]]:
    """(id, event_id, endpoint_id, status, attempts, last_response_status, delivered?)"""
    sql = (
        "SELECT id, event_id, endpoint_id, status, attempts, last_response_status, "
        "delivered_at IS NOT NULL FROM webhook_deliveries ORDER BY id"
    )
    if hasattr(database, "pool"):
        async with database.pool.connection() as conn:
            rows = await (await conn.execute(sql)).fetchall()
    elif hasattr(database, "on_reader"):
        rows = await database.on_reader(lambda c: c.execute(sql).fetchall())
    else:
        rows = [
            (d.id, d.event_id, d.endpoint_id, d.status.value, d.attempts,
             d.last_response_status, d.delivered_at is not None)
            for d in database.webhook_state.deliveries.values()
        ]  # fmt: skip
    return [(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]
