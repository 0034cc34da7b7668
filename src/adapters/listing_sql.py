"""The keyset query of a payment list, in SQL shared by the PostgreSQL and SQLite adapters.

The WHERE clause is the merchant, the filters and one row comparison with the start
position; ORDER BY matches the indexes of migration 0004 (merchant_id, [status or
reference,] created_at DESC, id DESC), which either database scans forwards for OLDER and
backwards for NEWER, reading only the rows of the page: no Sort, no OFFSET.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from paycore.listing import Direction, PaymentQuery


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
    older = query.direction is Direction.OLDER
    if query.start is not None:
        conditions.append(f"(created_at, id) {'<' if older else '>'} ({p}, {p})")
        params += [moment(query.start.created_at), query.start.id]
    order = "DESC" if older else "ASC"
    # Qualified: PostgreSQL selects `id::text AS id`, and a bare `id` here would sort by
    # that text, which no index holds.
    sql = (
        f"SELECT {columns} FROM payments WHERE {' AND '.join(conditions)} "  # noqa: S608
        f"ORDER BY payments.created_at {order}, payments.id {order} LIMIT {p}"
    )
    return sql, [*params, query.limit]
