"""The events a payment's changes note, and the use cases that read them back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.memory import InMemoryStore
from paycore import Payment, ValidationFailed
from paycore.bank import Authorized, Declined, NotFound, Unavailable, Unknown
from paycore.errors import EventNotFound
from paycore.event_list_request import EventListRequest
from paycore.events import DeliveryStatus, EventDelivery, EventType
from paycore.failure_reason import FailureReason
from paycore.use_cases import ListEvents, RetrieveEvent
from tests.unit.adapters.builders import T0, later, new_id, payment
from tests.unit.adapters.deliveries_sql import record_in_memory
from tests.unit.paycore.gateway import new_payment
from tests.unit.paycore.lifecycle_payments import authorized, captured
from tests.unit.paycore.lifecycle_payments import later as next_moment


@pytest.mark.parametrize(
    ("outcome", "recorded"),
    [
        (Authorized("code"), (EventType.PAYMENT_AUTHORIZED,)),
        (Declined("stolen_card"), (EventType.PAYMENT_DECLINED,)),
        (Unavailable(FailureReason.BANK_UNAVAILABLE), (EventType.PAYMENT_FAILED,)),
        (NotFound(), (EventType.PAYMENT_FAILED,)),
        (Unknown("timed out"), ()),
    ],
)
def test_a_pending_payment_settling_notes_its_outcome(outcome, recorded) -> None:
    p = new_payment()
    assert p.events_since(0) == ()  # created Pending: nothing to tell
    p.apply(outcome, next_moment(p))
    assert p.events_since(1) == recorded


def test_an_inconclusive_settlement_attempt_notes_nothing() -> None:
    p = new_payment()
    p.schedule_settlement(next_moment(p), next_moment(p))
    assert p.events_since(0) == ()


@pytest.mark.parametrize(
    ("start", "recorded"),
    [
        (lambda p: p.capture("a", 400, next_moment(p)), EventType.PAYMENT_CAPTURED),  # partial
        (lambda p: p.capture("a", None, next_moment(p)), EventType.PAYMENT_CAPTURED),
        (lambda p: p.void("a", next_moment(p)), EventType.PAYMENT_VOIDED),
    ],
)
def test_an_action_started_notes_nothing_and_its_success_one_event(start, recorded) -> None:
    p = authorized()
    version = p.version
    start(p)
    assert p.events_since(version) == ()
    p.confirm_action("a", next_moment(p))
    assert p.events_since(version) == (recorded,)
    assert p.events_since(p.version) == ()


def test_a_refund_succeeding_or_any_action_failing_notes_its_event() -> None:
    p = captured()
    version = p.version
    p.refund("r1", 100, next_moment(p))
    p.confirm_action("r1", next_moment(p))
    p.refund("r2", 100, next_moment(p))
    p.fail_action("r2", "refused_by_bank", next_moment(p))
    assert p.events_since(version) == (EventType.PAYMENT_REFUNDED, EventType.ACTION_FAILED)
    # Each with the version it made: a save over version + 3 stores only the failure.
    assert p.events_since(version + 3) == (EventType.ACTION_FAILED,)


def test_expiry_notes_payment_expired() -> None:
    p = authorized()
    p.expire(p.created_at + timedelta(days=8))
    assert p.events_since(p.version - 1) == (EventType.PAYMENT_EXPIRED,)


def test_a_refused_change_notes_nothing() -> None:
    p = authorized()
    with pytest.raises(Exception):  # noqa: B017 - which refusal does not matter here
        p.refund("r", 1, next_moment(p))
    assert p.events_since(p.version) == ()


async def stored_events(*payments: Payment) -> InMemoryStore:
    store = InMemoryStore()
    async with store.unit_of_work() as uow:
        for p in payments:
            await uow.payments.add(p)
        await uow.commit()
    return store


def made(merchant_id: str, seconds: int, declined: bool = False) -> Payment:
    p = payment(merchant_id, created_at=later(T0, seconds))
    at = later(p.created_at, 1)
    p.decline(None, at) if declined else p.authorize("code", at)
    return p


async def test_list_events_pages_newest_first_and_filters_by_type() -> None:
    merchant_id = new_id()
    payments = [made(merchant_id, 10 * i, declined=i == 1) for i in range(4)]
    store = await stored_events(*payments, made(new_id(), 5))
    list_events = ListEvents(uow=store.unit_of_work)

    first = await list_events(merchant_id, EventListRequest(limit="2"))
    assert [e.payment.id for e in first.events] == [payments[3].id, payments[2].id]
    assert first.has_more
    rest = await list_events(merchant_id, EventListRequest(starting_after=first.events[-1].id))
    assert [e.payment.id for e in rest.events] == [payments[1].id, payments[0].id]
    assert not rest.has_more
    back = await list_events(merchant_id, EventListRequest(ending_before=rest.events[0].id))
    assert [e.payment.id for e in back.events] == [payments[3].id, payments[2].id]
    declined = await list_events(merchant_id, EventListRequest(type="payment.declined"))
    assert [e.payment.id for e in declined.events] == [payments[1].id]
    typed = await list_events(merchant_id, EventListRequest(type=EventType.PAYMENT_DECLINED))
    assert typed == declined


@pytest.mark.parametrize(
    ("request_", "fields"),
    [
        (EventListRequest(type="payment.created"), ["type"]),
        (EventListRequest(type=1), ["type"]),
        (EventListRequest(limit="0", starting_after="evt_x"), ["limit", "starting_after"]),
        (
            EventListRequest(starting_after="evt_" + "a" * 32, ending_before="evt_" + "b" * 32),
            ["ending_before"],
        ),
        (EventListRequest(starting_after="evt_" + "a" * 32), ["starting_after"]),  # not theirs
    ],
)
async def test_a_bad_list_request_names_every_bad_parameter(request_, fields) -> None:
    store = await stored_events()
    with pytest.raises(ValidationFailed) as refused:
        await ListEvents(uow=store.unit_of_work)(new_id(), request_)
    assert [e.field for e in refused.value.errors] == fields


async def test_retrieve_event_adds_its_deliveries_and_hides_other_merchants() -> None:
    p = made(new_id(), 0)
    store = await stored_events(p)
    [event] = store.events.values()
    delivery = EventDelivery(
        event.id, "we_" + "c" * 32, 1, DeliveryStatus.DELIVERED, 200, None, later(T0, 9)
    )
    record_in_memory(store, delivery)
    retrieve = RetrieveEvent(uow=store.unit_of_work)

    found = await retrieve(p.merchant_id, event.id)
    assert (found.event.id, found.deliveries) == (event.id, (delivery,))
    for merchant_id, event_id in [
        (new_id(), event.id),
        (p.merchant_id, "evt_1"),
        (p.merchant_id, "x"),
    ]:
        with pytest.raises(EventNotFound):
            await retrieve(merchant_id, event_id)
