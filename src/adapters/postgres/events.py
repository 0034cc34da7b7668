"""Events in PostgreSQL, read only: the payment repository writes them with the changes,
the webhook delivery store writes webhook_deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.event_codec import event_from
from adapters.listing_sql import event_list_statement
from adapters.postgres.ids import is_uuid
from adapters.postgres.statements import PostgresStatements
from paycore.event_list_request import is_event_id
from paycore.event_listing import EventQuery
from paycore.events import DeliveryStatus, Event, EventDelivery

# The snapshot read as text: the codec decodes its JSON straight into a record.
_COLUMNS = "id, merchant_id::text, type, created_at, payment::text"
_SELECT_ONE = f"SELECT {_COLUMNS} FROM events WHERE merchant_id = %s AND id = %s"  # noqa: S608
_SELECT_DELIVERIES = (
    "SELECT event_id, endpoint_id, attempts, status, last_response_status, "
    "next_attempt_at, delivered_at FROM webhook_deliveries WHERE event_id = %s ORDER BY id"
)


class PostgresEventRepository:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def get(self, merchant_id: str, event_id: str) -> Event | None:
        if not (is_uuid(merchant_id) and is_event_id(event_id)):
            return None
        cursor = await self._statements.read(_SELECT_ONE, (merchant_id, event_id))
        row = await cursor.fetchone()
        return None if row is None else _event(row)

    async def list_for_merchant(self, query: EventQuery) -> list[Event]:
        if not is_uuid(query.merchant_id):
            return []
        sql, params = event_list_statement(query, columns=_COLUMNS, placeholder="%s", moment=_same)
        cursor = await self._statements.read(sql, tuple(params))
        return [_event(row) for row in await cursor.fetchall()]

    async def deliveries(self, event_id: str) -> list[EventDelivery]:
        cursor = await self._statements.read(_SELECT_DELIVERIES, (event_id,))
        return [
            EventDelivery(event, endpoint, attempts, DeliveryStatus(status), response, due, done)
            for event, endpoint, attempts, status, response, due, done in await cursor.fetchall()
        ]


def _event(row: tuple[Any, ...]) -> Event:
    event_id, merchant_id, event_type, created_at, payment = row
    return event_from(event_id, merchant_id, event_type, created_at, payment)


def _same(moment: datetime) -> datetime:
    return moment
