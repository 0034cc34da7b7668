"""The keyset queries of the lists (payments, events), in SQL shared by the PostgreSQL and
SQLite adapters.

The WHERE clause is the merchant, the filters and one row comparison with the start
position; ORDER BY matches the indexes (payments: migration 0004, (merchant_id, [status or
reference,] created_at DESC, id DESC); events: 0007, (merchant_id, [type,] created_at,
id)), which either database scans in the order asked, reading only the rows of the page:
no Sort, no OFFSET.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from paycore.event_listing import EventQuery
from paycore.listing import Direction, PaymentQuery, Position


def list_statement(
    query: PaymentQuery, *, columns: str, placeholder: str, moment: Callable[[datetime], object]
) -> tuple[str, list[object]]:
    """(SQL, parameters) for `query`; `moment` turns a datetime into the column's type.

    The SQL holds only constant fragments and placeholders; every value is a parameter."""
    p = placeholder
    conditions, params = [f"merchant_id = {p}"], [query.merchant_id]
    filters = query.filters
    if filters.status is not None:
        conditions.append(f"status = {p}")
        params.append(filters.status.value)
    if filters.reference is not None:
        conditions.append(f"reference = {p}")
        params.append(filters.reference)
    if filters.created_gte is not None:
        conditions.append(f"created_at >= {p}")
        params.append(moment(filters.created_gte))
    if filters.created_lt is not None:
        conditions.append(f"created_at < {p}")
        params.append(moment(filters.created_lt))
    page = _Page("payments", columns, p, moment)
    return page.statement(conditions, params, query.start, query.direction, query.limit)


def event_list_statement(
    query: EventQuery, *, columns: str, placeholder: str, moment: Callable[[datetime], object]
) -> tuple[str, list[object]]:
    """As `list_statement`, for the events table."""
    p = placeholder
    conditions, params = [f"merchant_id = {p}"], [query.merchant_id]
    if query.type is not None:
        conditions.append(f"type = {p}")
        params.append(query.type.value)
    page = _Page("events", columns, p, moment)
    return page.statement(conditions, params, query.start, query.direction, query.limit)


class _Page:
    def __init__(
        self, table: str, columns: str, placeholder: str, moment: Callable[[datetime], object]
    ) -> None:
        self._table, self._columns, self._p, self._moment = table, columns, placeholder, moment

    def statement(
        self,
        conditions: list[str],
        params: list[object],
        start: Position | None,
        direction: Direction,
        limit: int,
    ) -> tuple[str, list[object]]:
        p, table = self._p, self._table
        older = direction is Direction.OLDER
        if start is not None:
            conditions = [*conditions, f"(created_at, id) {'<' if older else '>'} ({p}, {p})"]
            params = [*params, self._moment(start.created_at), start.id]
        order = "DESC" if older else "ASC"
        # Qualified: PostgreSQL selects `id::text AS id`, and a bare `id` here would sort
        # by that text, which no index holds.
        sql = (
            f"SELECT {self._columns} FROM {table} WHERE {' AND '.join(conditions)} "  # noqa: S608
            f"ORDER BY {table}.created_at {order}, {table}.id {order} LIMIT {p}"
        )
        return sql, [*params, limit]
