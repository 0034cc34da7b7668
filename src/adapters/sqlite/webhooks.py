"""The SQLite webhook store. Every write is one IMMEDIATE transaction on the single writer:
SQLite's write lock is the guard that lets only one worker (of any process on the file)
claim a due delivery."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from adapters.sqlite.connections import SqliteConnections
from adapters.sqlite.timestamps import from_micros, to_micros
from adapters.sqlite.webhook_sql import (
    ANY_DUE,
    ANY_UNDISPATCHED,
    CLAIM,
    CLAIMED,
    DISPATCH_ONE,
    FAIL_ENDPOINT_DELIVERIES,
    FAIL_UNFINISHED,
    FINISH_ATTEMPT,
    FINISH_DELIVERY,
    LIVE_ENDPOINTS,
    UNDISPATCHED,
)
from adapters.webhooks.event_rows import event_from_row
from paycore.ports.webhooks import Backlog
from paycore.webhooks import DueDelivery, WebhookEndpoint
from paycore.webhooks.deliveries import UNFINISHED_ATTEMPT, AttemptResult


class SqliteWebhookStore:
    def __init__(self, connections: SqliteConnections) -> None:
        self._connections = connections

    async def add_endpoint(self, endpoint: WebhookEndpoint, secret_ciphertext: bytes) -> None:
        e = endpoint
        events, created = json.dumps(list(e.events)), to_micros(e.created_at)
        row = (e.id, e.merchant_id, e.url, events, e.description, secret_ciphertext, created)
        sql = (
            "INSERT INTO webhook_endpoints (id, merchant_id, url, events, description, "
            "secret_ciphertext, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        await self._connections.in_transaction(lambda c: c.execute(sql, row))

    async def live_endpoints(
        self, merchant_id: str, limit: int, starting_after: str | None
    ) -> list[WebhookEndpoint]:
        params = (merchant_id, starting_after, starting_after, merchant_id, limit)
        rows = await self._connections.on_reader(
            lambda c: c.execute(LIVE_ENDPOINTS, params).fetchall()
        )
        return [
            WebhookEndpoint(i, m, url, tuple(json.loads(ev)), desc, from_micros(at))
            for i, m, url, ev, desc, at in rows
        ]

    async def delete_endpoint(self, merchant_id: str, endpoint_id: str, at: datetime) -> bool:
        def delete(c: sqlite3.Connection) -> bool:
            sql = (
                "UPDATE webhook_endpoints SET deleted_at = ? "
                "WHERE id = ? AND merchant_id = ? AND deleted_at IS NULL"
            )
            if c.execute(sql, (to_micros(at), endpoint_id, merchant_id)).rowcount != 1:
                return False
            c.execute(FAIL_ENDPOINT_DELIVERIES, (endpoint_id,))
            return True

        return await self._connections.in_transaction(delete)

    async def dispatch(self, now: datetime, limit: int) -> int:
        if not await self._any(ANY_UNDISPATCHED, ()):
            return 0  # the usual answer, read without taking the single writer

        def dispatch(c: sqlite3.Connection) -> int:
            created = 0
            for event_id, merchant_id, type_ in c.execute(UNDISPATCHED, (limit,)).fetchall():
                created += c.execute(
                    DISPATCH_ONE, (event_id, to_micros(now), to_micros(now), merchant_id, type_)
                ).rowcount
                c.execute("UPDATE events SET dispatched = 1 WHERE id = ?", (event_id,))
            return created

        return await self._connections.in_transaction(dispatch)

    async def claim_due(
        self, now: datetime, lease_until: datetime, max_attempts: int, limit: int
    ) -> list[DueDelivery]:
        t, lease = to_micros(now), to_micros(lease_until)
        if not await self._any(ANY_DUE, (t,)):
            return []

        def claim(c: sqlite3.Connection) -> list[Any]:
            c.execute(FAIL_UNFINISHED, (UNFINISHED_ATTEMPT, max_attempts, t))
            started = c.execute(CLAIM, (lease, t, max_attempts, limit)).fetchall()
            c.executemany(
                "INSERT INTO webhook_attempts (delivery_id, number, started_at) VALUES (?, ?, ?)",
                [(delivery_id, number, t) for delivery_id, number in started],
            )
            return [c.execute(CLAIMED, (row[0],)).fetchone() for row in started]

        rows = await self._connections.in_transaction(claim)
        return [
            DueDelivery(d, n, ep, url, bytes(sealed), event_from_row(e, m, t_, from_micros(at), p))
            for d, n, ep, url, sealed, e, m, t_, at, p in rows
        ]

    async def finish_attempt(self, result: AttemptResult, retry_at: datetime | None) -> None:
        r = result
        finished = to_micros(r.finished_at)
        status = "delivered" if r.delivered else "pending" if retry_at else "failed"

        def finish(c: sqlite3.Connection) -> None:
            attempt = (finished, r.response_status, r.error, r.delivery_id, r.attempt)
            c.execute(FINISH_ATTEMPT, attempt)
            c.execute(
                FINISH_DELIVERY,
                (
                    status,
                    r.response_status,
                    r.error,
                    None if status != "pending" or retry_at is None else to_micros(retry_at),
                    finished if r.delivered else None,
                    r.delivery_id,
                    r.attempt,
                ),
            )

        await self._connections.in_transaction(finish)

    async def backlog(self) -> Backlog:
        sql = (
            "SELECT (SELECT min(created_at) FROM webhook_deliveries WHERE status = 'pending'), "
            "(SELECT min(created_at) FROM events WHERE dispatched = 0)"
        )
        row = await self._connections.on_reader(lambda c: c.execute(sql).fetchone())
        return Backlog(*(None if v is None else from_micros(v) for v in row))

    async def _any(self, sql: str, params: tuple[object, ...]) -> bool:
        return await self._connections.on_reader(
            lambda c: c.execute(sql, params).fetchone() is not None
        )
