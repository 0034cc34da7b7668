"""Deliveries to a real receiver: signed, retried with backoff, given up, timed out."""

from __future__ import annotations

import time

import pytest

from paycore import WebhookVerificationError, verify_webhook
from tests.integration.webhooks.harness import hooks
from tests.integration.webhooks.receiver import HANG, Receiver
from tests.unit.adapters.builders import new_id
from tests.webhook_rows import attempts_of, deliveries_of, event, record_event


async def registered(h, receiver: Receiver, merchant_id: str):
    return await h.register(merchant_id, {"url": receiver.url, "events": ["*"]})


async def test_a_receiver_gets_signed_events_that_verify(sqlite_db) -> None:
    m = new_id()
    with Receiver(200) as receiver:
        async with hooks(sqlite_db) as h:
            created = await registered(h, receiver, m)
            events = [event(m), event(m)]
            for e in events:
                await record_event(sqlite_db, e)

            async def both_delivered() -> bool:
                return [d[3] for d in await deliveries_of(sqlite_db)] == ["delivered"] * 2

            await h.run_until(both_delivered)

    by_id = {r.headers["Paygate-Event-Id"]: r for r in receiver.received}
    assert set(by_id) == {e.id for e in events}
    for e in events:
        got = by_id[e.id]
        assert got.headers["Content-Type"] == "application/json"
        signature = got.headers["Paygate-Signature"]
        decoded = verify_webhook(got.body, signature, created.secret)
        assert decoded["id"] == e.id
        assert decoded["data"]["payment"]["id"] == e.payment.id
    got = receiver.received[0]
    signature = got.headers["Paygate-Signature"]
    with pytest.raises(WebhookVerificationError):
        verify_webhook(got.body.replace(b"evt_", b"evt_x"), signature, created.secret)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(got.body, signature, "whsec_not-the-secret")
    with pytest.raises(WebhookVerificationError):
        verify_webhook(got.body, signature, created.secret, now=time.time() + 301)
    assert len(receiver.received) == 2


async def test_three_500s_then_a_200_is_delivered_on_the_fourth_attempt(sqlite_db) -> None:
    m = new_id()
    with Receiver(500, 500, 500, 200) as receiver:
        async with hooks(sqlite_db, retry_base=0.05) as h:
            await registered(h, receiver, m)
            await record_event(sqlite_db, event(m))

            async def delivered() -> bool:
                return (await deliveries_of(sqlite_db))[0][3] == "delivered"

            await h.run_until(delivered)

    [row] = await deliveries_of(sqlite_db)
    assert row[3:6] == ("delivered", 4, 200)
    attempts = await attempts_of(sqlite_db, row[0])
    assert [(a.number, a.response_status, a.finished) for a in attempts] == [
        (1, 500, True), (2, 500, True), (3, 500, True), (4, 200, True),
    ]  # fmt: skip
    assert len(receiver.received) == 4
    sample = h.metrics.registry.get_sample_value
    assert sample("paygate_webhook_attempts_total") == 4
    assert sample("paygate_webhook_deliveries_total", {"outcome": "pending"}) == 3
    assert sample("paygate_webhook_deliveries_total", {"outcome": "delivered"}) == 1


async def test_a_receiver_that_always_fails_is_given_up_after_the_maximum(sqlite_db) -> None:
    m = new_id()
    with Receiver(500) as receiver:
        async with hooks(sqlite_db, retry_base=0.02, max_attempts=3) as h:
            await registered(h, receiver, m)
            await record_event(sqlite_db, event(m))

            async def failed() -> bool:
                return (await deliveries_of(sqlite_db))[0][3] == "failed"

            await h.run_until(failed)
            # Given up: no more attempts however long the worker runs.
            for _ in range(20):
                await h.worker.deliver_due()

    [row] = await deliveries_of(sqlite_db)
    assert row[3:6] == ("failed", 3, 500)
    assert len(receiver.received) == 3
    assert [a.response_status for a in await attempts_of(sqlite_db, row[0])] == [500] * 3


async def test_a_hanging_receiver_times_out_and_is_retried(sqlite_db) -> None:
    m = new_id()
    with Receiver(HANG, 204) as receiver:
        async with hooks(sqlite_db, attempt_timeout=0.3, retry_base=0.05) as h:
            await registered(h, receiver, m)
            await record_event(sqlite_db, event(m))
            started = time.monotonic()

            async def delivered() -> bool:
                return (await deliveries_of(sqlite_db))[0][3] == "delivered"

            await h.run_until(delivered)

    assert time.monotonic() - started >= 0.3
    [row] = await deliveries_of(sqlite_db)
    first, second = await attempts_of(sqlite_db, row[0])
    assert (first.response_status, first.error) == (None, "timed out after 0.3 s")
    assert (second.response_status, second.error) == (204, None)


async def test_a_redirect_is_not_followed(sqlite_db) -> None:
    m = new_id()
    with Receiver(302, 200) as receiver:
        async with hooks(sqlite_db) as h:
            await registered(h, receiver, m)
            await record_event(sqlite_db, event(m))

            async def delivered() -> bool:
                return (await deliveries_of(sqlite_db))[0][3] == "delivered"

            await h.run_until(delivered)

    assert [r.path for r in receiver.received] == ["/hooks", "/hooks"]
    [row] = await deliveries_of(sqlite_db)
    assert [a.response_status for a in await attempts_of(sqlite_db, row[0])][:1] == [302]
