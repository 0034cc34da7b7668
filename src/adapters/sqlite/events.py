"""Events in SQLite, read only: the payment repository writes them with the changes, the
webhook delivery store writes webhook_deliveries. Times are epoch microseconds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.event_codec import event_from
from adapters.listing_sql import event_list_statement
from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.event_listing import EventQuery
from paycore.events import DeliveryStatus, Event, EventDelivery

_COLUMNS = "id, merchant_id, type, created_at, payment"
_SELECT_ONE = f"SELECT {_COLUMNS} FROM events WHERE merchant_id = ? AND id = ?"  # noqa: S608
_SELECT_DELIVERIES = (
    "SELECT event_id, endpoint_id, attempts, status, last_response_status, "
    "next_attempt_at, delivered_at FROM webhook_deliveries WHERE event_id = ? ORDER BY id"
)


class SqliteEventRepository:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def get(self, merchant_id: str, event_id: str) -> Event | None:
        row = await self._statements.read(
            lambda c: c.execute(_SELECT_ONE, (merchant_id, event_id)).fetchone()
        )
        return None if row is None else _event(row)

    async def list_for_merchant(self, query: EventQuery) -> list[Event]:
        sql, params = event_list_statement(
            query, columns=_COLUMNS, placeholder="?", moment=to_micros
        )
        rows = await self._statements.read(lambda c: c.execute(sql, params).fetchall())
        return [_event(row) for row in rows]

    async def deliveries(self, event_id: str) -> list[EventDelivery]:
        rows = await self._statements.read(
            lambda c: c.execute(_SELECT_DELIVERIES, (event_id,)).fetchall()
        )
        return [
            EventDelivery(
                event, endpoint, attempts, DeliveryStatus(status), response, _at(due), _at(done)
            )
            for event, endpoint, attempts, status, response, due, done in rows
        ]


def _event(row: tuple[Any, ...]) -> Event:
    event_id, merchant_id, event_type, created_at, payment = row
    return event_from(event_id, merchant_id, event_type, from_micros(created_at), payment)


def _at(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)
