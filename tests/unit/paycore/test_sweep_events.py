"""The background paths record their events with the change: a Pending payment settled,
a Pending action settled (or given up), an authorization expired."""

from __future__ import annotations

from datetime import timedelta

from adapters.memory import InMemoryBank, InMemoryStore
from paycore import PaymentStatus
from paycore.acquirer_actions import ActionSucceeded
from paycore.bank import Authorized, Declined, Unknown
from paycore.events import EventType
from paycore.listing import Position
from tests.unit.paycore.gateway import Gateway
from tests.unit.paycore.lifecycle_gateway import Lifecycle
from tests.unit.paycore.test_expire_authorizations import expiry, past_the_ttl
from tests.unit.paycore.test_settle_actions import POLICY, sweep, timed_out_capture
from tests.unit.paycore.test_settle_pending import pending_payment

AUTHORIZED = (EventType.PAYMENT_AUTHORIZED, PaymentStatus.AUTHORIZED)


def recorded(store: InMemoryStore, payment_id: str) -> list[tuple[EventType, PaymentStatus]]:
    """The payment's events, oldest first, with the status each one carries."""
    events = sorted(
        (e for e in store.events.values() if e.payment.id == payment_id), key=Position.of
    )
    return [(e.type, e.payment.status) for e in events]


async def test_a_pending_payment_settled_records_its_outcome(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    late = await pending_payment(gateway)
    declined = await pending_payment(gateway)
    unseen = await pending_payment(gateway)  # the bank answers NotFound: Failed
    assert [recorded(gateway.store, p.id) for p in (late, declined, unseen)] == [[], [], []]
    bank.answers[late.id] = Authorized("late-code")
    bank.answers[declined.id] = Declined("stolen_card")

    await gateway.settle()

    assert recorded(gateway.store, late.id) == [AUTHORIZED]
    assert recorded(gateway.store, declined.id) == [
        (EventType.PAYMENT_DECLINED, PaymentStatus.DECLINED)
    ]
    assert recorded(gateway.store, unseen.id) == [(EventType.PAYMENT_FAILED, PaymentStatus.FAILED)]


async def test_an_inconclusive_settlement_attempt_records_nothing(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    payment = await pending_payment(gateway)
    bank.answers[payment.id] = Unknown("timed out")
    await gateway.settle()
    assert gateway.store.payments[payment.id].settlement_attempts == 1
    assert recorded(gateway.store, payment.id) == []


async def test_a_pending_action_settled_by_the_sweep_records_its_event() -> None:
    lifecycle = Lifecycle()
    payment, action = await timed_out_capture(lifecycle)
    assert recorded(lifecycle.gateway.store, payment.id) == [AUTHORIZED]
    lifecycle.acquirer.answers[action.id] = ActionSucceeded()
    await sweep(lifecycle)()
    assert recorded(lifecycle.gateway.store, payment.id) == [
        AUTHORIZED,
        (EventType.PAYMENT_CAPTURED, PaymentStatus.CAPTURED),
    ]


async def test_an_action_given_up_by_the_sweep_records_action_failed() -> None:
    lifecycle = Lifecycle()
    payment, action = await timed_out_capture(lifecycle)
    lifecycle.acquirer.answers[action.id] = Unknown("timed out")
    lifecycle.gateway.clock.advance(POLICY.give_up_after + timedelta(seconds=1))
    await sweep(lifecycle)()
    assert recorded(lifecycle.gateway.store, payment.id) == [
        AUTHORIZED,
        (EventType.ACTION_FAILED, PaymentStatus.AUTHORIZED),
    ]


async def test_an_expired_authorization_records_payment_expired() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    past_the_ttl(lifecycle)
    await expiry(lifecycle)()
    assert recorded(lifecycle.gateway.store, payment.id) == [
        AUTHORIZED,
        (EventType.PAYMENT_EXPIRED, PaymentStatus.EXPIRED),
    ]
