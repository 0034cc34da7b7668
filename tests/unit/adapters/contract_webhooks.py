"""The webhook store contract: memory, SQLite and PostgreSQL must all pass it.

A test module subclasses WebhookStoreContract and provides `database`: an empty store
whose `webhooks` is the WebhookStore under test.
"""

from __future__ import annotations

import asyncio
import uuid

from paycore.events import EventType
from paycore.webhooks import WebhookEndpoint
from paycore.webhooks.deliveries import AttemptResult
from tests.unit.adapters.builders import T0, later, new_id
from tests.webhook_rows import attempts_of, deliveries_of, event, record_event

SEALED = b"\x00sealed secret\xff"


def endpoint(merchant_id: str, *events: str, at=T0) -> WebhookEndpoint:
    types = events or ("*",)
    return WebhookEndpoint(
        "we_" + uuid.uuid4().hex, merchant_id, "https://hooks.example.com/x", types, "shop", at
    )


async def one_due(database, merchant_id: str):
    """An endpoint, an event dispatched to it, and the store: ready to claim at T0."""
    hooks = database.webhooks
    ep = endpoint(merchant_id)
    await hooks.add_endpoint(ep, SEALED)
    e = event(merchant_id)
    await record_event(database, e)
    assert await hooks.dispatch(T0, 100) == 1
    return hooks, ep, e


def result(due, status: int | None, at=T0, error: str | None = None) -> AttemptResult:
    return AttemptResult(due.id, due.attempt, at, status, error)


class WebhookStoreContract:
    async def test_endpoints_are_listed_oldest_first_per_merchant_in_pages(self, database):
        hooks, m = database.webhooks, new_id()
        mine = [endpoint(m, at=later(T0, i)) for i in range(3)]
        for ep in [*mine, endpoint(new_id())]:
            await hooks.add_endpoint(ep, SEALED)

        assert list(await hooks.live_endpoints(m, 10, None)) == mine
        assert list(await hooks.live_endpoints(m, 2, None)) == mine[:2]
        assert list(await hooks.live_endpoints(m, 10, mine[0].id)) == mine[1:]
        assert list(await hooks.live_endpoints(m, 10, "we_" + "0" * 32)) == []

    async def test_a_deleted_endpoint_is_gone_for_its_merchant_only(self, database):
        hooks, m = database.webhooks, new_id()
        ep = endpoint(m, "payment.captured")
        await hooks.add_endpoint(ep, SEALED)

        assert not await hooks.delete_endpoint(new_id(), ep.id, T0)
        assert await hooks.delete_endpoint(m, ep.id, T0)
        assert not await hooks.delete_endpoint(m, ep.id, T0)
        assert list(await hooks.live_endpoints(m, 10, None)) == []

    async def test_dispatch_fans_out_to_subscribed_live_endpoints_once(self, database):
        hooks, m = database.webhooks, new_id()
        every, captured, gone = endpoint(m), endpoint(m, "payment.captured"), endpoint(m)
        authorized = endpoint(m, "payment.authorized", "payment.voided")
        for ep in (every, captured, authorized, gone, endpoint(new_id())):
            await hooks.add_endpoint(ep, SEALED)
        await hooks.delete_endpoint(m, gone.id, T0)
        e = event(m, EventType.PAYMENT_AUTHORIZED)
        await record_event(database, e)

        assert await hooks.dispatch(T0, 100) == 2
        assert await hooks.dispatch(T0, 100) == 0
        rows = await deliveries_of(database)
        assert {(r[1], r[2], r[3], r[4]) for r in rows} == {
            (e.id, every.id, "pending", 0),
            (e.id, authorized.id, "pending", 0),
        }
        assert (await hooks.backlog()).oldest_undispatched_event is None

    async def test_a_claim_starts_an_attempt_under_a_lease(self, database):
        hooks, ep, e = await one_due(database, new_id())

        [due] = await hooks.claim_due(T0, later(T0, 30), 12, 10)
        assert (due.attempt, due.endpoint_id, due.url, due.secret_ciphertext) == (
            1,
            ep.id,
            ep.url,
            SEALED,
        )
        assert (due.event.id, due.event.type, due.event.merchant_id) == (
            e.id,
            e.type,
            e.merchant_id,
        )
        assert due.event.payment.id == e.payment.id
        assert due.event.payment.amount == e.payment.amount
        assert due.event.created_at == e.created_at
        assert await hooks.claim_due(later(T0, 29), later(T0, 60), 12, 10) == []
        [again] = await hooks.claim_due(later(T0, 30), later(T0, 60), 12, 10)
        assert (again.id, again.attempt) == (due.id, 2)
        assert [a.number for a in await attempts_of(database, due.id)] == [1, 2]

    async def test_finishing_records_the_attempt_and_the_new_state(self, database):
        hooks, _, _ = await one_due(database, new_id())
        [first] = await hooks.claim_due(T0, later(T0, 30), 12, 10)
        await hooks.finish_attempt(result(first, 500), later(T0, 60))
        assert await hooks.claim_due(later(T0, 59), later(T0, 90), 12, 10) == []
        [second] = await hooks.claim_due(later(T0, 60), later(T0, 90), 12, 10)
        await hooks.finish_attempt(result(second, 204, later(T0, 61)), None)

        [row] = await deliveries_of(database)
        assert row[3:] == ("delivered", 2, 204, True)
        attempts = await attempts_of(database, first.id)
        assert [(a.number, a.finished, a.response_status) for a in attempts] == [
            (1, True, 500),
            (2, True, 204),
        ]
        assert (await hooks.backlog()).oldest_pending_delivery is None

    async def test_no_retry_time_fails_the_delivery(self, database):
        hooks, _, _ = await one_due(database, new_id())
        [due] = await hooks.claim_due(T0, later(T0, 30), 12, 10)
        await hooks.finish_attempt(result(due, None, error="timed out"), None)

        [row] = await deliveries_of(database)
        assert row[3:6] == ("failed", 1, None)
        assert (await attempts_of(database, due.id))[0].error == "timed out"
        assert await hooks.claim_due(later(T0, 3600), later(T0, 3630), 12, 10) == []

    async def test_a_late_finish_after_the_lease_lapsed_does_not_decide(self, database):
        hooks, _, _ = await one_due(database, new_id())
        [first] = await hooks.claim_due(T0, later(T0, 30), 12, 10)
        [second] = await hooks.claim_due(later(T0, 30), later(T0, 60), 12, 10)
        await hooks.finish_attempt(result(first, 200, later(T0, 31)), None)

        [row] = await deliveries_of(database)
        assert row[3:5] == ("pending", 2)
        await hooks.finish_attempt(result(second, 200, later(T0, 32)), None)
        assert (await deliveries_of(database))[0][3] == "delivered"

    async def test_a_lapsed_lease_on_the_last_attempt_fails_the_delivery(self, database):
        hooks, _, _ = await one_due(database, new_id())
        [due] = await hooks.claim_due(T0, later(T0, 30), 1, 10)

        assert await hooks.claim_due(later(T0, 31), later(T0, 60), 1, 10) == []
        [row] = await deliveries_of(database)
        assert row[3:5] == ("failed", 1)
        assert [a.finished for a in await attempts_of(database, due.id)] == [False]

    async def test_deleting_an_endpoint_stops_its_pending_deliveries(self, database):
        hooks, ep, _ = await one_due(database, new_id())
        await hooks.delete_endpoint(ep.merchant_id, ep.id, T0)

        assert await hooks.claim_due(T0, later(T0, 30), 12, 10) == []
        assert (await deliveries_of(database))[0][3] == "failed"

    async def test_concurrent_claims_never_start_one_attempt_twice(self, database):
        hooks, m = database.webhooks, new_id()
        await hooks.add_endpoint(endpoint(m), SEALED)
        for _ in range(20):
            await record_event(database, event(m))
        assert await hooks.dispatch(T0, 100) == 20

        claims = await asyncio.gather(
            *(hooks.claim_due(T0, later(T0, 30), 12, 3) for _ in range(10))
        )
        ids = [due.id for batch in claims for due in batch]
        assert len(ids) == len(set(ids)) == 20

    async def test_the_backlog_names_the_oldest_waiting_rows(self, database):
        hooks, m = database.webhooks, new_id()
        await hooks.add_endpoint(endpoint(m), SEALED)
        assert await hooks.backlog() == (await hooks.backlog()).__class__(None, None)
        await record_event(database, event(m, at=T0))
        await record_event(database, event(m, at=later(T0, 5)))

        assert (await hooks.backlog()).oldest_undispatched_event == T0
        await hooks.dispatch(later(T0, 10), 1)
        backlog = await hooks.backlog()
        assert backlog.oldest_undispatched_event == later(T0, 5)
        assert backlog.oldest_pending_delivery == later(T0, 10)
