"""ProcessPayment under concurrency: idempotency claims and the race with settlement."""

from __future__ import annotations

import asyncio

from adapters.memory import InMemoryBank
from paycore import IdempotencyRequestInProgress, PaymentResult, PaymentStatus
from paycore.bank import Authorized
from tests.unit.paycore.banks import GatedBank, SlowBank
from tests.unit.paycore.gateway import MERCHANT, Gateway, command


async def test_a_second_request_with_the_key_in_flight_is_told_to_wait() -> None:
    bank = SlowBank()
    gateway = Gateway(bank=bank)

    first, second = await asyncio.gather(
        gateway.process(command(key="k-1")),
        gateway.process(command(key="k-1")),
        return_exceptions=True,
    )

    assert isinstance(first, PaymentResult)
    assert first.payment.status is PaymentStatus.AUTHORIZED
    assert isinstance(second, IdempotencyRequestInProgress)
    assert len(bank.authorize_calls) == 1
    # Once the first has finished, the key replays it.
    third = await gateway.process(command(key="k-1"))
    assert third.replayed
    assert third.payment.id == first.payment.id


async def fifty_at_once(gateway: Gateway) -> list[PaymentResult | BaseException]:
    calls = [gateway.process(command(key="same-key")) for _ in range(50)]
    return await asyncio.gather(*calls, return_exceptions=True)


def assert_one_payment_and_one_charge(
    gateway: Gateway, bank: InMemoryBank, results: list[PaymentResult | BaseException]
) -> None:
    answered = [r for r in results if isinstance(r, PaymentResult)]
    waiting = [r for r in results if isinstance(r, IdempotencyRequestInProgress)]
    assert len(answered) + len(waiting) == 50, results
    assert sum(not r.replayed for r in answered) == 1
    assert {r.payment.id for r in answered} == set(gateway.store.payments)
    assert len(gateway.store.payments) == 1
    assert len(bank.authorize_calls) == 1
    assert bank.authorizations == 1
    assert gateway.store.idempotency[(MERCHANT, "same-key")].completed


async def test_fifty_concurrent_requests_with_one_key_charge_once_while_the_bank_is_slow() -> None:
    bank = SlowBank()
    gateway = Gateway(bank=bank)
    results = await fifty_at_once(gateway)
    assert_one_payment_and_one_charge(gateway, bank, results)
    assert sum(isinstance(r, IdempotencyRequestInProgress) for r in results) == 49


async def test_fifty_concurrent_requests_with_one_key_charge_once_with_a_quick_bank(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    results = await fifty_at_once(gateway)
    assert_one_payment_and_one_charge(gateway, bank, results)


async def test_when_settlement_saved_first_its_stored_state_wins() -> None:
    bank = GatedBank()
    gateway = Gateway(bank=bank)
    processing = asyncio.create_task(gateway.process(command(key="k-1")))
    await bank.reached.wait()
    (payment_id,) = bank.authorize_calls
    # The lookup tells a code the authorize call will not: the test sees whose write won.
    bank.answers[payment_id] = Authorized("settled-code")

    gateway.clock.advance(gateway.settlement_policy.older_than * 2)
    report = await gateway.settle()
    assert [p.id for p in report.settled] == [payment_id]
    bank.gate.set()
    result = await processing

    assert result.payment.status is PaymentStatus.AUTHORIZED
    assert result.payment.authorization_code == "settled-code"
    stored = gateway.store.payments[payment_id]
    assert (stored.authorization_code, stored.version) == ("settled-code", 2)
    cached = await gateway.cache.get(MERCHANT, payment_id)
    assert cached is not None
    assert cached.authorization_code == "settled-code"
    assert gateway.store.idempotency[(MERCHANT, "k-1")].completed
    assert len(bank.authorize_calls) == 1
