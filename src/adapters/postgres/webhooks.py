"""The PostgreSQL webhook store: each method one statement (or two in one transaction) in
autocommit on a pooled connection, so any number of processes share the work."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from psycopg_pool import AsyncConnectionPool

from adapters.postgres import webhook_sql as sql
from adapters.webhooks.event_rows import event_from_row
from paycore.ports.webhooks import Backlog
from paycore.webhooks import DueDelivery, WebhookEndpoint
from paycore.webhooks.deliveries import UNFINISHED_ATTEMPT, AttemptResult


class PostgresWebhookStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def add_endpoint(self, endpoint: WebhookEndpoint, secret_ciphertext: bytes) -> None:
        e = endpoint
        row = (e.id, e.merchant_id, e.url, list(e.events), e.description, secret_ciphertext)
        async with self._pool.connection() as conn:
            await conn.execute(
                "INSERT INTO webhook_endpoints (id, merchant_id, url, events, description, "
                "secret_ciphertext, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (*row, e.created_at),
            )

    async def live_endpoints(
        self, merchant_id: str, limit: int, starting_after: str | None
    ) -> list[WebhookEndpoint]:
        params = {"merchant": merchant_id, "after": starting_after, "limit": limit}
        rows = await self._fetch(sql.LIVE_ENDPOINTS, params)
        return [
            WebhookEndpoint(i, m, url, tuple(events), desc, at.astimezone(UTC))
            for i, m, url, events, desc, at in rows
        ]

    async def delete_endpoint(self, merchant_id: str, endpoint_id: str, at: datetime) -> bool:
        params = {"id": endpoint_id, "merchant": merchant_id, "at": at}
        return bool((await self._fetch(sql.DELETE_ENDPOINT, params))[0][0])

    async def dispatch(self, now: datetime, limit: int) -> int:
        return int((await self._fetch(sql.DISPATCH, {"now": now, "limit": limit}))[0][0])

    async def claim_due(
        self, now: datetime, lease_until: datetime, max_attempts: int, limit: int
    ) -> list[DueDelivery]:
        async with self._pool.connection() as conn, conn.transaction():
            await conn.execute(sql.FAIL_UNFINISHED, (UNFINISHED_ATTEMPT, max_attempts, now))
            cursor = await conn.execute(
                sql.CLAIM, {"now": now, "lease": lease_until, "max": max_attempts, "limit": limit}
            )
            rows = await cursor.fetchall()
        return [
            DueDelivery(d, n, ep, url, bytes(sealed), event_from_row(*event))
            for d, n, ep, url, sealed, *event in rows
        ]

    async def finish_attempt(self, result: AttemptResult, retry_at: datetime | None) -> None:
        r = result
        state = "delivered" if r.delivered else "pending" if retry_at else "failed"
        params = {
            "id": r.delivery_id,
            "number": r.attempt,
            "at": r.finished_at,
            "status": r.response_status,
            "error": r.error,
            "state": state,
            "retry_at": retry_at if state == "pending" else None,
            "delivered_at": r.finished_at if r.delivered else None,
        }
        async with self._pool.connection() as conn:
            await conn.execute(sql.FINISH, params)

    async def backlog(self) -> Backlog:
        oldest_delivery, oldest_event = (await self._fetch(sql.BACKLOG, {}))[0]
        return Backlog(oldest_delivery, oldest_event)

    async def _fetch(self, statement: str, params: dict[str, Any]) -> list[Any]:
        async with self._pool.connection() as conn:
            return await (await conn.execute(statement, params)).fetchall()
