"""The store fails around the bank call: before it nothing is charged (StorageUnavailable
reaches the caller, a 503); after it the answer is never an error: the outcome's write is
retried on a fresh unit, and failing that the caller gets the Pending payment, which
settlement resolves."""

from __future__ import annotations

import pytest

from adapters.memory import InMemoryBank, InMemoryStore, InMemoryUnitOfWork
from paycore import PaymentStatus
from paycore.errors import StorageUnavailable
from tests.unit.paycore.gateway import Gateway, command


class FlakyStore(InMemoryStore):
    """Units of work whose commit fails for the unit numbers in `failing` (1 = the first)."""

    def __init__(self, *failing: int) -> None:
        super().__init__()
        self.failing = set(failing)
        self.units = 0

    def unit_of_work(self) -> InMemoryUnitOfWork:
        self.units += 1
        unit = super().unit_of_work()
        if self.units in self.failing:

            async def commit() -> None:
                raise StorageUnavailable("the connection died")

            unit.commit = commit  # type: ignore[method-assign]
        return unit


@pytest.mark.parametrize("key", [None, "k-1"])
async def test_a_store_failure_before_the_bank_call_charges_nothing(key: str | None) -> None:
    bank = InMemoryBank()
    gateway = Gateway(bank=bank, store=FlakyStore(1))

    with pytest.raises(StorageUnavailable):
        await gateway.process(command(key=key))

    assert bank.authorize_calls == []
    assert gateway.store.payments == {}


@pytest.mark.parametrize("key", [None, "k-1"])
async def test_one_failed_outcome_write_is_retried_on_a_fresh_unit(key: str | None) -> None:
    gateway = Gateway(store=FlakyStore(2))

    result = await gateway.process(command(key=key))

    assert result.payment.status is PaymentStatus.AUTHORIZED
    assert gateway.store.payments[result.payment.id].status is PaymentStatus.AUTHORIZED


@pytest.mark.parametrize("key", [None, "k-1"])
async def test_an_outcome_that_cannot_be_written_answers_pending_and_settles(
    key: str | None,
) -> None:
    bank = InMemoryBank()
    gateway = Gateway(bank=bank, store=FlakyStore(2, 3))

    result = await gateway.process(command(key=key))

    # The client is told the payment's id and that it is Pending: never an error after the
    # bank has charged, so a client without a key never pays twice unknowingly.
    assert result.payment.status is PaymentStatus.PENDING
    assert gateway.store.payments[result.payment.id].status is PaymentStatus.PENDING
    assert bank.authorize_calls == [result.payment.id]

    gateway.clock.advance(gateway.settlement_policy.older_than * 2)
    report = await gateway.settle()

    assert [p.id for p in report.settled] == [result.payment.id]
    assert gateway.store.payments[result.payment.id].status is PaymentStatus.AUTHORIZED
    assert bank.authorize_calls == [result.payment.id]  # settlement looked, never charged
    if key is not None:
        again = await gateway.process(command(key=key))
        assert again.replayed and again.payment.status is PaymentStatus.AUTHORIZED
