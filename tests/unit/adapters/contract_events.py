"""The events contract: every store records a change's events with the change, in the
same commit, and reads them back, paged like payments; mixed in beside StorageContract.

A test module also provides `record_delivery`, an async function storing an EventDelivery
as the webhook delivery store would (with the endpoint it needs).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

import psycopg
import pytest

from adapters.codec import to_record
from adapters.event_codec import new_event_id
from paycore.errors import StalePayment
from paycore.event_listing import EventQuery
from paycore.events import DeliveryStatus, EventDelivery, EventType
from paycore.listing import Direction, Position
from paycore.payment import Payment
from tests.unit.adapters.builders import T0, later, new_id, payment
from tests.unit.adapters.contract_storage import UowFactory, read, store
from tests.unit.adapters.lifecycle_builders import authorized

EVENT_ID = re.compile(r"evt_[0-9a-f]{32}")


async def events_of(new_uow: UowFactory, merchant_id: str, **query) -> list:
    async with new_uow() as uow:
        return await uow.events.list_for_merchant(EventQuery(merchant_id, 100, **query))


async def change(new_uow: UowFactory, p: Payment, move) -> Payment:
    """Read the payment, make one move on it and save it, in one unit."""
    async with new_uow() as uow:
        loaded = await uow.payments.get(p.merchant_id, p.id)
        assert loaded is not None
        move(loaded)
        await uow.payments.save(loaded)
        await uow.commit()
    return loaded


class EventContract:
    async def test_a_pending_payment_records_nothing_its_authorization_one_event(
        self, new_uow: UowFactory
    ) -> None:
        p = payment()
        await store(new_uow, p)
        assert await events_of(new_uow, p.merchant_id) == []
        saved = await change(new_uow, p, lambda q: q.authorize("auth-1", later(T0, 1)))

        [event] = await events_of(new_uow, p.merchant_id)
        assert EVENT_ID.fullmatch(event.id)
        assert (event.type, event.merchant_id) == (EventType.PAYMENT_AUTHORIZED, p.merchant_id)
        assert event.created_at == saved.updated_at == later(T0, 1)
        # The payment right after the change, less the card's fingerprint.
        assert event.payment.card.fingerprint == ""
        expected = to_record(saved)
        assert to_record(event.payment) == type(expected)(
            **{
                **{f: getattr(expected, f) for f in expected.__struct_fields__},
                "card_fingerprint": "",
            }
        )

    async def test_every_change_records_one_event_of_its_type(self, new_uow: UowFactory) -> None:
        p = authorized()
        await store(new_uow, p)  # added Authorized: its authorization is recorded with it
        capture, void = new_id(), new_id()
        moves = [
            (lambda q: q.capture(capture, 300, later(T0, 2)), None),
            (lambda q: q.confirm_action(capture, later(T0, 3)), EventType.PAYMENT_CAPTURED),
            (lambda q: q.refund(void, 100, later(T0, 4)), None),
            (
                lambda q: q.fail_action(void, "refused_by_bank", later(T0, 5)),
                EventType.ACTION_FAILED,
            ),
        ]
        expected = [EventType.PAYMENT_AUTHORIZED]
        for move, recorded in moves:
            await change(new_uow, p, move)
            if recorded is not None:
                expected.append(recorded)
            assert [e.type for e in await events_of(new_uow, p.merchant_id)] == expected[::-1]
        other = authorized()
        await store(new_uow, other)
        await change(
            new_uow, other, lambda q: q.expire(later(T0, 9 * 24 * 3600), timedelta(days=7))
        )
        [expired, _] = await events_of(new_uow, other.merchant_id)
        assert expired.type is EventType.PAYMENT_EXPIRED
        assert expired.payment.status.value == "Expired"

    async def test_a_change_rolled_back_records_no_event(self, new_uow: UowFactory) -> None:
        p = payment()
        await store(new_uow, p)
        async with new_uow() as uow:
            loaded = await uow.payments.get(p.merchant_id, p.id)
            loaded.decline("do_not_honor", later(T0, 1))
            await uow.payments.save(loaded)
            # no commit: the unit rolls back
        assert await events_of(new_uow, p.merchant_id) == []
        # The same object saved again on a fresh unit (a retry) records its event once.
        async with new_uow() as uow:
            await uow.payments.save(loaded)
            await uow.commit()
        assert [e.type for e in await events_of(new_uow, p.merchant_id)] == [
            EventType.PAYMENT_DECLINED
        ]

    async def test_a_stale_save_records_no_event(self, new_uow: UowFactory) -> None:
        p = payment()
        await store(new_uow, p)
        first, second = (
            await read(new_uow, p.merchant_id, p.id),
            await read(new_uow, p.merchant_id, p.id),
        )
        first.authorize("auth-1", later(T0, 1))
        second.decline("do_not_honor", later(T0, 1))
        async with new_uow() as uow:
            await uow.payments.save(first)
            await uow.commit()
        with pytest.raises(StalePayment):
            async with new_uow() as uow:
                await uow.payments.save(second)
                await uow.commit()
        events = await events_of(new_uow, p.merchant_id)
        assert [e.type for e in events] == [EventType.PAYMENT_AUTHORIZED]
        # A later change's save records only its own event, not the earlier one again.
        first.capture(new_id(), None, later(T0, 2))
        async with new_uow() as uow:
            await uow.payments.save(first)
            await uow.commit()
        assert len(await events_of(new_uow, p.merchant_id)) == 1

    async def test_an_event_is_its_merchants_only(self, new_uow: UowFactory) -> None:
        p = authorized()
        await store(new_uow, p)
        [event] = await events_of(new_uow, p.merchant_id)
        async with new_uow() as uow:
            assert (await uow.events.get(p.merchant_id, event.id)).id == event.id
            assert await uow.events.get(new_id(), event.id) is None
            assert await uow.events.get(p.merchant_id, new_event_id()) is None
            assert await uow.events.get(p.merchant_id, "evt_not-an-id") is None
            assert await uow.events.get("not-a-merchant", event.id) is None
            assert await uow.events.list_for_merchant(EventQuery("not-a-merchant", 10)) == []
        assert await events_of(new_uow, new_id()) == []

    async def test_events_page_by_position_and_filter_by_type(self, new_uow: UowFactory) -> None:
        merchant_id = new_id()
        made = []
        for i in range(5):
            p = payment(merchant_id, created_at=later(T0, 10 * i))
            p.authorize("a", later(p.created_at, 1)) if i % 2 else p.decline(
                None, later(p.created_at, 1)
            )
            made.append(p)
        await store(new_uow, *made)
        newest_first = await events_of(new_uow, merchant_id)
        assert [e.payment.id for e in newest_first] == [p.id for p in reversed(made)]
        middle = Position.of(newest_first[2])
        older = await events_of(new_uow, merchant_id, start=middle)
        assert [e.id for e in older] == [e.id for e in newest_first[3:]]
        newer = await events_of(new_uow, merchant_id, start=middle, direction=Direction.NEWER)
        assert [e.id for e in newer] == [e.id for e in newest_first[1::-1]]
        declined = await events_of(new_uow, merchant_id, type=EventType.PAYMENT_DECLINED)
        assert [e.payment.id for e in declined] == [made[4].id, made[2].id, made[0].id]
        async with new_uow() as uow:
            two = await uow.events.list_for_merchant(EventQuery(merchant_id, 2))
        assert [e.id for e in two] == [e.id for e in newest_first[:2]]

    async def test_an_events_deliveries_are_read_back(
        self, new_uow: UowFactory, record_delivery
    ) -> None:
        p = authorized()
        await store(new_uow, p)
        [event] = await events_of(new_uow, p.merchant_id)
        async with new_uow() as uow:
            assert await uow.events.deliveries(event.id) == []
        pending = EventDelivery(
            event.id, "we_" + "a" * 32, 2, DeliveryStatus.PENDING, 500, later(T0, 60), None
        )
        delivered = EventDelivery(
            event.id, "we_" + "b" * 32, 1, DeliveryStatus.DELIVERED, 204, None, later(T0, 5)
        )
        await record_delivery(p.merchant_id, pending)
        await record_delivery(p.merchant_id, delivered)
        async with new_uow() as uow:
            assert await uow.events.deliveries(event.id) == [pending, delivered]
            assert await uow.events.deliveries(new_event_id()) == []


class SqlEventContract:
    """For the SQL stores, whose primary keys refuse a second payment with one id."""

    async def test_a_failed_insert_records_no_event(self, new_uow: UowFactory) -> None:
        first = authorized()
        await store(new_uow, first)
        clash = authorized(merchant_id=first.merchant_id)
        clash.id = first.id
        with pytest.raises((sqlite3.IntegrityError, psycopg.errors.UniqueViolation)):
            await store(new_uow, clash)
        [event] = await events_of(new_uow, first.merchant_id)
        assert event.payment.id == first.id
