"""Payments in PostgreSQL, with an optimistic version guard on every update."""

from __future__ import annotations

from datetime import datetime

from psycopg.types.json import Jsonb

from adapters.action_codec import decode_actions, encode_actions
from adapters.codec import (
    ACTIONS_COLUMN,
    PAYMENT_COLUMNS,
    from_row,
    to_row,
)
from adapters.event_codec import new_events
from adapters.listing_sql import list_statement
from adapters.postgres.ids import is_uuid
from adapters.postgres.statements import PostgresStatements
from paycore.errors import StalePayment
from paycore.listing import PaymentQuery
from paycore.payment import Payment

# Built only from the codec's constant column names (hence noqa: S608 below).
_UUID_COLUMNS = frozenset({"id", "merchant_id"})
_METADATA = PAYMENT_COLUMNS.index("metadata")
# Ids and actions read as text: the codec decodes the actions' JSON straight into records.
_TEXT_COLUMNS = _UUID_COLUMNS | {"actions"}
_SELECTED = ", ".join(f"{c}::text" if c in _TEXT_COLUMNS else c for c in PAYMENT_COLUMNS)
_INSERT = (
    f"INSERT INTO payments ({', '.join(PAYMENT_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join('%s' for _ in PAYMENT_COLUMNS)})"
)
_UPDATE = (
    f"UPDATE payments SET {', '.join(f'{c} = %s' for c in PAYMENT_COLUMNS)} "  # noqa: S608
    "WHERE id = %s AND version = %s"
)
# The events a change records, written by the very statement that writes the change: one
# round trip, one atomic statement. The payment's write is a data-modifying CTE; the events
# are inserted from its RETURNING row, so an update the version guard refuses inserts none
# and the statement's row count (the events') still tells the refusal.
_WITH_EVENTS = (
    "WITH p AS ({} RETURNING id, merchant_id, updated_at) "
    "INSERT INTO events (id, merchant_id, type, created_at, payment_id, payment) "
    "SELECT e.id, p.merchant_id, e.type, p.updated_at, p.id, e.payment::jsonb "
    "FROM p, unnest(%s::text[], %s::text[], %s::text[]) AS e(id, type, payment)"
)
_INSERT_WITH_EVENTS = _WITH_EVENTS.format(_INSERT)
_UPDATE_WITH_EVENTS = _WITH_EVENTS.format(_UPDATE)
_SELECT_ONE = f"SELECT {_SELECTED} FROM payments WHERE merchant_id = %s AND id = %s"  # noqa: S608
_SELECT_DUE = (
    f"SELECT {_SELECTED} FROM payments WHERE status = 'Pending' AND created_at < %s "  # noqa: S608
    "AND (next_settlement_at IS NULL OR next_settlement_at <= %s) "
    "ORDER BY created_at, id LIMIT %s"
)
# The partial indexes of migration 0005 hold exactly the rows these predicates admit.
# Ordered by qualified columns: a bare `id` would sort by the selected `id::text`.
_HOLDS_PENDING_ACTION = """actions @> '[{"status": "Pending"}]'"""
_SELECT_WITH_PENDING_ACTIONS = (
    f"SELECT {_SELECTED} FROM payments WHERE {_HOLDS_PENDING_ACTION} "  # noqa: S608
    "AND updated_at < %s ORDER BY payments.updated_at, payments.id LIMIT %s"
)
_SELECT_AUTHORIZED = (
    f"SELECT {_SELECTED} FROM payments WHERE status = 'Authorized' "  # noqa: S608
    f"AND created_at < %s AND captured_amount = 0 AND NOT {_HOLDS_PENDING_ACTION} "
    "ORDER BY payments.created_at, payments.id LIMIT %s"
)


class PostgresPaymentRepository:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def add(self, payment: Payment) -> None:
        events = _event_params(payment, 0)
        if events:
            self._statements.stage(_INSERT_WITH_EVENTS, (*_to_sql(payment), *events))
        else:
            self._statements.stage(_INSERT, _to_sql(payment))

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        if not (is_uuid(merchant_id) and is_uuid(payment_id)):
            return None
        cursor = await self._statements.read(_SELECT_ONE, (merchant_id, payment_id))
        row = await cursor.fetchone()
        return None if row is None else _from_sql(row)

    async def save(self, payment: Payment) -> None:
        params = (*_to_sql(payment), payment.id, payment.version - 1)
        events = _event_params(payment, payment.version - 1)
        # No row: another writer moved it past the version we read.
        refusal = StalePayment(payment.id)
        if events:
            rows = len(events[0])
            sql, params = _UPDATE_WITH_EVENTS, (*params, *events)
            self._statements.stage(sql, params, refusal=refusal, rows=rows)
        else:
            self._statements.stage(_UPDATE, params, refusal=refusal)

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        cursor = await self._statements.read(_SELECT_DUE, (created_before, now, limit))
        return [_from_sql(row) for row in await cursor.fetchall()]

    async def with_pending_actions(self, updated_before: datetime, limit: int) -> list[Payment]:
        cursor = await self._statements.read(_SELECT_WITH_PENDING_ACTIONS, (updated_before, limit))
        return [_from_sql(row) for row in await cursor.fetchall()]

    async def authorized_before(self, created_before: datetime, limit: int) -> list[Payment]:
        cursor = await self._statements.read(_SELECT_AUTHORIZED, (created_before, limit))
        return [_from_sql(row) for row in await cursor.fetchall()]

    async def list_for_merchant(self, query: PaymentQuery) -> list[Payment]:
        if not is_uuid(query.merchant_id):
            return []
        sql, params = list_statement(query, columns=_SELECTED, placeholder="%s", moment=_same)
        cursor = await self._statements.read(sql, tuple(params))
        return [_from_sql(row) for row in await cursor.fetchall()]


def _to_sql(payment: Payment) -> tuple[object, ...]:
    values = list(to_row(payment))
    values[_METADATA] = Jsonb(values[_METADATA])  # a dict is no parameter without its type
    values[ACTIONS_COLUMN] = Jsonb(values[ACTIONS_COLUMN], dumps=encode_actions)
    return tuple(values)


def _event_params(payment: Payment, stored_version: int) -> tuple[list[str], ...]:
    """The unnest arrays (ids, types, snapshots) of the events to record; () if none."""
    events = new_events(payment, stored_version)
    if not events:
        return ()
    return [e.id for e in events], [e.type for e in events], [e.snapshot for e in events]


def _from_sql(row: tuple[object, ...]) -> Payment:
    values = list(row)
    values[ACTIONS_COLUMN] = decode_actions(values[ACTIONS_COLUMN])  # type: ignore[arg-type]
    return from_row(values)


def _same(moment: datetime) -> datetime:
    return moment
