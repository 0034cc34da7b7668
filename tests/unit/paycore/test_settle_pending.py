from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from adapters.memory import InMemoryBank
from paycore import FailureReason, Payment, PaymentStatus, SettlementPolicy
from paycore.bank import Authorized, Declined, Unavailable, Unknown
from tests.unit.paycore.banks import SlowBank
from tests.unit.paycore.gateway import MERCHANT, Gateway, command, new_payment

POLICY = SettlementPolicy()


async def pending_payment(gateway: Gateway) -> Payment:
    """A payment whose authorization timed out, old enough to be settled."""
    bank = gateway.bank
    assert isinstance(bank, InMemoryBank)
    bank.script.append(Unknown("timed out"))
    payment = (await gateway.process(command())).payment
    assert payment.status is PaymentStatus.PENDING
    gateway.clock.advance(POLICY.older_than + timedelta(seconds=1))
    return payment


async def test_a_payment_the_bank_authorized_is_settled_and_the_cache_refreshed(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    payment = await pending_payment(gateway)
    bank.answers[payment.id] = Authorized("late-code")

    report = await gateway.settle()

    assert [p.id for p in report.settled] == [payment.id]
    assert (report.still_pending, report.given_up, report.lost_races) == ([], [], 0)
    stored = gateway.store.payments[payment.id]
    assert stored.status is PaymentStatus.AUTHORIZED
    assert stored.authorization_code == "late-code"
    assert stored.updated_at == gateway.clock.now()
    seen = await gateway.retrieve(MERCHANT, payment.id)  # the cache held the Pending copy
    assert seen.status is PaymentStatus.AUTHORIZED
    assert gateway.cache.hits == 1


async def test_a_payment_the_bank_declined_is_settled_with_the_reason(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    payment = await pending_payment(gateway)
    bank.answers[payment.id] = Declined("stolen_card")
    report = await gateway.settle()
    stored = gateway.store.payments[payment.id]
    assert (stored.status, stored.decline_reason) == (PaymentStatus.DECLINED, "stolen_card")
    assert report.settled == [stored]


async def test_a_payment_the_bank_never_saw_failed_without_a_charge(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    payment = await pending_payment(gateway)
    report = await gateway.settle()
    stored = gateway.store.payments[payment.id]
    assert stored.status is PaymentStatus.FAILED
    assert stored.failure_reason == FailureReason.NOT_RECEIVED_BY_BANK
    assert report.settled == [stored]
    assert bank.lookups == [payment.id]
    assert (await gateway.retrieve(MERCHANT, payment.id)).status is PaymentStatus.FAILED


@pytest.mark.parametrize(
    "inconclusive", [Unavailable(FailureReason.BANK_UNAVAILABLE), Unknown("timed out")]
)
async def test_an_inconclusive_lookup_schedules_another_attempt(
    gateway: Gateway, bank: InMemoryBank, inconclusive: Unavailable | Unknown
) -> None:
    payment = await pending_payment(gateway)
    bank.answers[payment.id] = inconclusive
    report = await gateway.settle()
    stored = gateway.store.payments[payment.id]
    assert stored.status is PaymentStatus.PENDING
    assert stored.settlement_attempts == 1
    assert report.still_pending == [stored]


async def test_a_bank_without_lookups_is_retried_with_exponential_backoff() -> None:
    gateway = Gateway(bank=InMemoryBank(supports_lookup=False))
    payment = await pending_payment(gateway)
    waits = []
    for attempt in range(1, 5):
        report = await gateway.settle()
        stored = gateway.store.payments[payment.id]
        assert report.still_pending == [stored]
        assert stored.settlement_attempts == attempt
        assert stored.next_settlement_at is not None
        wait = stored.next_settlement_at - gateway.clock.now()
        waits.append(wait)
        # Not due yet: a sweep now leaves it alone.
        assert (await gateway.settle()).still_pending == []
        gateway.clock.advance(wait)
    assert waits == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert (await gateway.retrieve(MERCHANT, payment.id)).settlement_attempts == 4


def test_the_backoff_is_capped() -> None:
    payment = new_payment()
    now = payment.created_at
    for attempts, expected in [(0, 30), (6, 1920), (7, 3600), (25, 3600), (10**6, 3600)]:
        payment.settlement_attempts = attempts
        assert POLICY.next_attempt(payment, now) - now == timedelta(seconds=expected)


async def test_past_the_deadline_settlement_gives_up_as_failed() -> None:
    gateway = Gateway(bank=InMemoryBank(supports_lookup=False))
    payment = await pending_payment(gateway)
    gateway.clock.advance(POLICY.give_up_after)

    report = await gateway.settle()

    stored = gateway.store.payments[payment.id]
    assert stored.status is PaymentStatus.FAILED
    assert stored.failure_reason == FailureReason.UNSETTLED
    assert str(stored.failure_reason) == "unsettled_past_deadline"
    assert report.given_up == [stored]
    assert report.settled == []


async def test_recent_and_settled_payments_are_left_alone(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    await gateway.process(command())  # authorized: nothing to settle
    bank.script.append(Unknown())
    recent = (await gateway.process(command())).payment
    report = await gateway.settle()
    assert (report.settled, report.still_pending, report.given_up) == ([], [], [])
    assert bank.lookups == []
    assert gateway.store.payments[recent.id].status is PaymentStatus.PENDING


async def test_a_sweep_settles_at_most_a_batch_oldest_first() -> None:
    gateway = Gateway(settlement_policy=SettlementPolicy(batch_size=2))
    oldest = [await pending_payment(gateway) for _ in range(3)]
    report = await gateway.settle()
    assert [p.id for p in report.settled] == [p.id for p in oldest[:2]]
    assert [p.id for p in (await gateway.settle()).settled] == [oldest[2].id]


async def test_a_race_lost_to_another_sweep_is_counted_not_reported_as_settled() -> None:
    bank = SlowBank()
    gateway = Gateway(bank=bank)
    bank.script.append(Unknown())
    payment = (await gateway.process(command())).payment
    bank.answers[payment.id] = Declined("insufficient_funds")
    gateway.clock.advance(POLICY.older_than * 2)

    # Two gateway processes sweep at once: both read the payment, one writes first.
    first, second = await asyncio.gather(gateway.settle(), gateway.settle())

    assert sorted([first.lost_races, second.lost_races]) == [0, 1]
    assert len(first.settled) + len(second.settled) == 1
    stored = gateway.store.payments[payment.id]
    assert (stored.status, stored.version) == (PaymentStatus.DECLINED, 2)
    assert (await gateway.retrieve(MERCHANT, payment.id)).status is PaymentStatus.DECLINED
