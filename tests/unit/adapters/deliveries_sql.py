"""Webhook deliveries written straight into the stores (SQL and memory), as the delivery store would
write them, for the events contract's `record_delivery` fixtures."""

from __future__ import annotations

from adapters.sqlite.timestamps import to_micros
from paycore.events import EventDelivery
from paycore.webhooks import Delivery
from tests.unit.adapters.builders import T0

ENDPOINT = (
    "INSERT INTO webhook_endpoints (id, merchant_id, url, events, secret_ciphertext, created_at)"
    " VALUES ({p}, {p}, 'https://example.com/hook', {events}, {p}, {p})"
)
DELIVERY = (
    "INSERT INTO webhook_deliveries (event_id, endpoint_id, merchant_id, status, attempts, "
    "next_attempt_at, last_response_status, delivered_at, created_at) "
    "VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})"
)


def delivery_values(merchant_id: str, d: EventDelivery, moment=lambda m: m) -> tuple:
    def at(m):
        return None if m is None else moment(m)

    return (
        d.event_id,
        d.endpoint_id,
        merchant_id,
        d.status.value,
        d.attempts,
        at(d.next_attempt_at),
        d.last_response_status,
        at(d.delivered_at),
        moment(T0),
    )


def sqlite_recorder(db):
    async def record(merchant_id: str, d: EventDelivery) -> None:
        def write(c) -> None:
            endpoint = ENDPOINT.format(p="?", events="'[\"*\"]'")
            c.execute(endpoint, (d.endpoint_id, merchant_id, b"secret", to_micros(T0)))
            c.execute(DELIVERY.format(p="?"), delivery_values(merchant_id, d, to_micros))

        await db.on_writer(write)

    return record


def postgres_recorder(db):
    async def record(merchant_id: str, d: EventDelivery) -> None:
        async with db.pool.connection() as conn:
            endpoint = ENDPOINT.format(p="%s", events="ARRAY['*']")
            await conn.execute(endpoint, (d.endpoint_id, merchant_id, b"secret", T0))
            await conn.execute(DELIVERY.format(p="%s"), delivery_values(merchant_id, d))

    return record


def record_in_memory(state, d: EventDelivery) -> None:
    """The delivery as the memory webhook store keeps it (by delivery id, in order)."""
    hooks = state.webhook_state
    hooks.last_delivery_id += 1
    hooks.deliveries[hooks.last_delivery_id] = Delivery(
        hooks.last_delivery_id,
        d.event_id,
        d.endpoint_id,
        d.attempts,
        d.status,
        d.last_response_status,
        None,
        d.next_attempt_at,
        d.delivered_at,
        T0,
    )
