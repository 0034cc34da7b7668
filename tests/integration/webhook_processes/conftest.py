"""Real `paygate serve` processes delivering webhooks from one fresh PostgreSQL database.

Endpoints and events are written into the database directly (events are the payment
repositories' to write; endpoints sealed with the key the gateways derive from their JWT
secret), and a receiver on a thread counts what arrives.
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.postgres import PostgresDatabase
from adapters.webhooks import AesGcmEndpointSecrets
from entrypoints.runtime.embedded_bank import free_port
from paycore.webhooks import WebhookEndpoint
from tests.integration.postgres_admin import create_database, drop_database, reachable_admin_url
from tests.integration.production.processes import Service
from tests.integration.production.services import query
from tests.webhook_rows import event, record_event

JWT_SECRET = secrets.token_urlsafe(48)


@dataclass(frozen=True)
class Stage:
    database_url: str
    folder: Path

    def gateway(self, name: str) -> Service:
        env = {
            "PAYGATE_DATABASE_URL": self.database_url,
            "PAYGATE_JWT_SECRET": JWT_SECRET,
            "PAYGATE_BANK_URL": "http://127.0.0.1:9",  # no payment is made here
            "PAYGATE_WEBHOOK_ALLOW_PRIVATE": "true",  # the receiver is on loopback
            "PAYGATE_WEBHOOK_INTERVAL": "0.05",
            "PAYGATE_WEBHOOK_TIMEOUT": "0.5",
            "PAYGATE_WEBHOOK_RETRY_BASE": "0.05",
            "PAYGATE_WEBHOOK_CONCURRENCY": "8",
        }
        port = free_port()
        return Service(name, ["entrypoints", "serve", "--port", str(port)], port, self.folder, env)

    def endpoint(self, url: str) -> str:
        """A `*` endpoint of a new merchant; the merchant's id."""
        merchant_id = str(uuid.uuid4())
        ep = WebhookEndpoint(
            "we_" + uuid.uuid4().hex, merchant_id, url, ("*",), None, datetime.now(UTC)
        )
        sealed = AesGcmEndpointSecrets(JWT_SECRET.encode()).seal(ep.id, "whsec_process-test")
        asyncio.run(self._with_database(lambda db: db.webhooks.add_endpoint(ep, sealed)))
        return merchant_id

    def events(self, merchant_id: str, count: int) -> set[str]:
        made = [event(merchant_id) for _ in range(count)]

        async def record(db: PostgresDatabase) -> None:
            for e in made:
                await record_event(db, e)

        asyncio.run(self._with_database(record))
        return {e.id for e in made}

    def deliveries(self) -> dict[str, str]:
        """Each event's delivery status."""
        return dict(query(self.database_url, "SELECT event_id, status FROM webhook_deliveries"))  # type: ignore[arg-type]

    def attempts(self, finished: bool | None = None) -> int:
        """Attempt rows: all of them, or only those finished (or not)."""
        where = "" if finished is None else f"WHERE (finished_at IS NOT NULL) = {finished}"
        rows = query(self.database_url, f"SELECT count(*) FROM webhook_attempts {where}")
        return int(rows[0][0])  # type: ignore[call-overload]

    async def _with_database(self, work) -> None:
        db = await PostgresDatabase.open(self.database_url, min_size=1, max_size=2)
        try:
            await db.migrate()
            await work(db)
        finally:
            await db.close()


@pytest.fixture
def stage(tmp_path: Path) -> Iterator[Stage]:
    admin_url = reachable_admin_url()
    name = f"paygate_test_{secrets.token_hex(4)}"
    url = create_database(admin_url, name)
    try:
        yield Stage(url, tmp_path)
    finally:
        drop_database(admin_url, name)
