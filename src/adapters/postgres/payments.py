"""Payments in PostgreSQL, with an optimistic version guard on every update."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from psycopg import AsyncCursor
from psycopg.types.json import Jsonb

from adapters.codec import PAYMENT_COLUMNS, from_row, to_row
from adapters.listing_sql import list_statement
from paycore.errors import StalePayment
from paycore.listing import PaymentQuery
from paycore.payment import Payment

if TYPE_CHECKING:
    from adapters.postgres.unit_of_work import PostgresUnitOfWork

# Built only from the codec's constant column names (hence noqa: S608 below).
_UUID_COLUMNS = frozenset({"id", "merchant_id"})
_METADATA = PAYMENT_COLUMNS.index("metadata")
_SELECTED = ", ".join(f"{c}::text" if c in _UUID_COLUMNS else c for c in PAYMENT_COLUMNS)
_INSERT = (
    f"INSERT INTO payments ({', '.join(PAYMENT_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join('%s' for _ in PAYMENT_COLUMNS)})"
)
_UPDATE = (
    f"UPDATE payments SET {', '.join(f'{c} = %s' for c in PAYMENT_COLUMNS)} "  # noqa: S608
    "WHERE id = %s AND version = %s"
)
_SELECT_ONE = f"SELECT {_SELECTED} FROM payments WHERE merchant_id = %s AND id = %s"  # noqa: S608
_SELECT_DUE = (
    f"SELECT {_SELECTED} FROM payments WHERE status = 'Pending' AND created_at < %s "  # noqa: S608
    "AND (next_settlement_at IS NULL OR next_settlement_at <= %s) "
    "ORDER BY created_at, id LIMIT %s"
)


def is_uuid(text: str) -> bool:
    """A malformed id must read as 'not found', not abort the transaction with a cast error."""
    try:
        uuid.UUID(text)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


class PostgresPaymentRepository:
    def __init__(self, uow: PostgresUnitOfWork) -> None:
        self._uow = uow

    async def add(self, payment: Payment) -> None:
        self._uow.defer(_INSERT, _to_sql(payment))

    async def get(self, merchant_id: str, payment_id: str) -> Payment | None:
        if not (is_uuid(merchant_id) and is_uuid(payment_id)):
            return None
        cursor = await self._uow.execute(_SELECT_ONE, (merchant_id, payment_id))
        row = await cursor.fetchone()
        return None if row is None else from_row(row)

    async def save(self, payment: Payment) -> None:
        params = (*_to_sql(payment), payment.id, payment.version - 1)

        def guard(cursor: AsyncCursor[Any]) -> None:
            # 0 rows: another writer moved the row past the version we read.
            if cursor.rowcount != 1:
                raise StalePayment(payment.id)

        self._uow.defer(_UPDATE, params, guard)

    async def due_for_settlement(
        self, created_before: datetime, now: datetime, limit: int
    ) -> list[Payment]:
        cursor = await self._uow.execute(_SELECT_DUE, (created_before, now, limit))
        return [from_row(row) for row in await cursor.fetchall()]

    async def list_for_merchant(self, query: PaymentQuery) -> list[Payment]:
        if not is_uuid(query.merchant_id):
            return []
        sql, params = list_statement(query, columns=_SELECTED, placeholder="%s", moment=_same)
        cursor = await self._uow.execute(sql, tuple(params))
        return [from_row(row) for row in await cursor.fetchall()]


def _to_sql(payment: Payment) -> tuple[object, ...]:
    values = list(to_row(payment))
    values[_METADATA] = Jsonb(values[_METADATA])  # a dict is no parameter without its type
    return tuple(values)


def _same(moment: datetime) -> datetime:
    return moment
