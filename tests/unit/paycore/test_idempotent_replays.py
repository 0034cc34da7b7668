"""A replayed key answers what its first request answered, not the payment as it is now."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from adapters.memory import InMemoryBank
from paycore import FailureReason, IdempotencyRequestInProgress, PaymentStatus
from paycore.bank import Authorized, Unavailable, Unknown
from tests.unit.paycore.banks import GatedBank
from tests.unit.paycore.gateway import MERCHANT, Gateway, command


async def settle_as_authorized(gateway: Gateway, bank: InMemoryBank, payment_id: str) -> None:
    bank.answers[payment_id] = Authorized("late-code")
    gateway.clock.advance(gateway.settlement_policy.older_than * 2)
    report = await gateway.settle()
    assert [p.id for p in report.settled] == [payment_id]


async def test_the_record_keeps_a_snapshot_of_the_answer(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Unknown("timed out"))
    first = await gateway.process(command(key="k-1"))

    record = gateway.store.idempotency[(MERCHANT, "k-1")]
    assert record.completed
    assert record.response is not None and record.response is not first.payment
    assert (record.response.id, record.response.status) == (first.payment.id, first.payment.status)
    assert record.retry_after_seconds is None


async def test_a_pending_answer_replays_as_pending_after_the_payment_settled(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Unknown("timed out"))
    first = await gateway.process(command(key="k-1"))
    await settle_as_authorized(gateway, bank, first.payment.id)

    again = await gateway.process(command(key="k-1"))

    assert again.replayed
    assert again.payment.id == first.payment.id
    assert again.payment.status is PaymentStatus.PENDING
    assert again.payment.authorization_code is None
    assert again.payment.updated_at == first.payment.updated_at
    now = await gateway.retrieve(MERCHANT, first.payment.id)
    assert (now.status, now.authorization_code) == (PaymentStatus.AUTHORIZED, "late-code")
    assert len(bank.authorize_calls) == 1


async def test_an_unavailable_answer_replays_with_its_retry_after(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=30))
    first = await gateway.process(command(key="k-1"))
    gateway.clock.advance(gateway.settlement_policy.older_than * 2)

    again = await gateway.process(command(key="k-1"))

    assert again.replayed
    assert again.payment.status is PaymentStatus.FAILED
    assert again.payment.failure_reason == FailureReason.CIRCUIT_OPEN
    assert again.retry_after_seconds == first.retry_after_seconds == 30
    assert len(bank.authorize_calls) == 1


async def test_changing_a_replayed_payment_does_not_change_the_next_replay(
    gateway: Gateway,
) -> None:
    await gateway.process(command(key="k-1"))
    replayed = (await gateway.process(command(key="k-1"))).payment
    replayed.authorization_code = "tampered"

    again = await gateway.process(command(key="k-1"))

    assert again.payment.authorization_code == "auth-1"


async def test_a_key_completed_without_a_snapshot_replays_the_stored_payment(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    # Keys completed before snapshots were kept (rows older than the migration).
    bank.script.append(Unknown("timed out"))
    first = await gateway.process(command(key="k-1"))
    held = gateway.store.idempotency[(MERCHANT, "k-1")]
    gateway.store.idempotency[(MERCHANT, "k-1")] = replace(held, response=None)

    still_pending = await gateway.process(command(key="k-1"))
    await settle_as_authorized(gateway, bank, first.payment.id)
    settled = await gateway.process(command(key="k-1"))

    assert still_pending.replayed and still_pending.payment.status is PaymentStatus.PENDING
    assert settled.replayed and settled.payment.status is PaymentStatus.AUTHORIZED


async def test_a_key_whose_request_is_running_is_in_progress_until_answered() -> None:
    bank = GatedBank()
    gateway = Gateway(bank=bank)
    first = asyncio.create_task(gateway.process(command(key="k-1")))
    await bank.reached.wait()

    with pytest.raises(IdempotencyRequestInProgress):
        await gateway.process(command(key="k-1"))
    bank.gate.set()
    answered = await first
    again = await gateway.process(command(key="k-1"))

    assert again.replayed and again.payment.id == answered.payment.id
    assert again.payment.status is answered.payment.status is PaymentStatus.AUTHORIZED


async def test_when_settlement_won_the_race_the_snapshot_is_what_was_returned() -> None:
    bank = GatedBank()
    gateway = Gateway(bank=bank)
    processing = asyncio.create_task(gateway.process(command(key="k-1")))
    await bank.reached.wait()
    (payment_id,) = bank.authorize_calls
    bank.answers[payment_id] = Authorized("settled-code")
    gateway.clock.advance(gateway.settlement_policy.older_than * 2)
    await gateway.settle()
    bank.gate.set()
    result = await processing

    again = await gateway.process(command(key="k-1"))

    assert again.payment.authorization_code == result.payment.authorization_code
    assert again.payment.version == result.payment.version == 2
