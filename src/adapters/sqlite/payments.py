"""Payments in SQLite: the codec's columns, timestamps as epoch microseconds."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import msgspec

from adapters.action_codec import decode_actions, encode_actions
from adapters.codec import (
    ACTIONS_COLUMN,
    PAYMENT_COLUMNS,
    TIMESTAMP_COLUMNS,
    from_row,
    to_row,
)
from adapters.event_codec import NewEvent, new_events
from adapters.listing_sql import list_statement
from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.errors import StalePayment
from paycore.listing import PaymentQuery
from paycore.payment import Payment

_TIMESTAMPS = [i for i, name in enumerate(PAYMENT_COLUMNS) if name in TIMESTAMP_COLUMNS]
# Metadata is a JSON object in a TEXT column.
_METADATA = PAYMENT_COLUMNS.index("metadata")
_metadata_decoder = msgspec.json.Decoder(dict[str, str])
# The SQL below is built only from the codec's constant column names (hence noqa: S608).
_COLUMNS = ", ".join(PAYMENT_COLUMNS)
_INSERT = f"INSERT INTO payments ({_COLUMNS}) VALUES ({', '.join('?' for _ in PAYMENT_COLUMNS)})"  # noqa: S608
_UPDATE = (
    f"UPDATE payments SET {', '.join(f'{name} = ?' for name in PAYMENT_COLUMNS)} "  # noqa: S608
    "WHERE id = ? AND version = ?"
)
# The events a change records go in with it, in the same transaction.
_INSERT_EVENT = (
    "INSERT INTO events (id, merchant_id, type, created_at, payment_id, payment) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_SELECT_ONE = f"SELECT {_COLUMNS} FROM payments WHERE merchant_id = ? AND id = ?"  # noqa: S608
_SELECT_DUE = (
    f"SELECT {_COLUMNS} FROM payments WHERE status = 'Pending' AND created_at < ? "  # noqa: S608
    "AND (next_settlement_at IS NULL OR next_settlement_at <= ?) "
    "ORDER BY created_at, id LIMIT ?"
)
# The very terms of migration 0005's partial indexes: SQLite uses an index only for a
# query that repeats its WHERE term.
_HOLDS_PENDING_ACTION = """instr(actions, '"status":"Pending"') > 0"""
_SELECT_WITH_PENDING_ACTIONS = (
    f"SELECT {_COLUMNS} FROM payments WHERE {_HOLDS_PENDING_ACTION} "  # noqa: S608
    "AND updated_at < ? ORDER BY updated_at, id LIMIT ?"
)
_SELECT_AUTHORIZED = (
    f"SELECT {_COLUMNS} FROM payments WHERE status = 'Authorized' "  # noqa: S608
    f"AND created_at < ? AND captured_amount = 0 AND NOT {_HOLDS_PENDING_ACTION} "
    "ORDER BY created_at, id LIMIT ?"
)


class SqlitePaymentRepository:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def add(self, payment: Payment) -> None:
        values, events = _to_sql(payment), _event_rows(payment, new_events(payment, 0))

        def insert(c: sqlite3.Connection) -> None:
            c.execute(_INSERT, values)
            c.executemany(_INSERT_EVENT, events)

        await self._statements.write(insert)

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        row = await self._statements.read(
            lambda c: c.execute(_SELECT_ONE, (merchant_id, payment_id)).fetchone()
        )
        return None if row is None else _from_sql(row)

    async def save(self, payment: Payment) -> None:
        params = (*_to_sql(payment), payment.id, payment.version - 1)
        events = _event_rows(payment, new_events(payment, payment.version - 1))

        def update(c: sqlite3.Connection) -> int:
            changed: int = c.execute(_UPDATE, params).rowcount
            if changed == 1:  # a refused update rolls the unit back anyway
                c.executemany(_INSERT_EVENT, events)
            return changed

        # No row: another writer moved it past the version we read.
        await self._statements.write_one_row(update, StalePayment(payment.id))

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        params = (to_micros(created_before), to_micros(now), limit)
        rows = await self._statements.read(lambda c: c.execute(_SELECT_DUE, params).fetchall())
        return [_from_sql(row) for row in rows]

    async def with_pending_actions(self, updated_before: datetime, limit: int) -> list[Payment]:
        return await self._select(_SELECT_WITH_PENDING_ACTIONS, (to_micros(updated_before), limit))

    async def authorized_before(self, created_before: datetime, limit: int) -> list[Payment]:
        return await self._select(_SELECT_AUTHORIZED, (to_micros(created_before), limit))

    async def _select(self, sql: str, params: tuple[object, ...]) -> list[Payment]:
        rows = await self._statements.read(lambda c: c.execute(sql, params).fetchall())
        return [_from_sql(row) for row in rows]

    async def list_for_merchant(self, query: PaymentQuery) -> list[Payment]:
        sql, params = list_statement(query, columns=_COLUMNS, placeholder="?", moment=to_micros)
        rows = await self._statements.read(lambda c: c.execute(sql, params).fetchall())
        return [_from_sql(row) for row in rows]


def _to_sql(payment: Payment) -> list[object]:
    values = list(to_row(payment))
    for i in _TIMESTAMPS:
        moment = values[i]
        values[i] = None if moment is None else to_micros(moment)  # type: ignore[arg-type]
    values[_METADATA] = msgspec.json.encode(values[_METADATA]).decode()
    values[ACTIONS_COLUMN] = encode_actions(values[ACTIONS_COLUMN])  # type: ignore[arg-type]
    return values


def _event_rows(payment: Payment, events: list[NewEvent]) -> list[tuple[object, ...]]:
    return [
        (e.id, payment.merchant_id, e.type, to_micros(e.created_at), payment.id, e.snapshot)
        for e in events
    ]


def _from_sql(row: sqlite3.Row | tuple[object, ...]) -> Payment:
    values = list(row)
    for i in _TIMESTAMPS:
        micros = values[i]
        values[i] = None if micros is None else from_micros(micros)
    values[_METADATA] = _metadata_decoder.decode(values[_METADATA])  # type: ignore[arg-type]
    values[ACTIONS_COLUMN] = decode_actions(values[ACTIONS_COLUMN])
    return from_row(values)
