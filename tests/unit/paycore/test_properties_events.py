"""For any payment's life (a bank outcome, then any sequence of lifecycle commands), each
command made and saved in its own unit of work: the store holds exactly one event per
committed change that records one, of the right type, in order; a refused command, or a
unit that never commits, adds none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.memory import InMemoryStore
from paycore import PaycoreError, Payment
from paycore.bank import Authorized, Declined, Unavailable, Unknown
from paycore.events import EventType
from paycore.listing import Position
from tests.unit.paycore.gateway import MERCHANT, new_payment
from tests.unit.paycore.lifecycle_payments import later
from tests.unit.paycore.requests import bank_outcomes
from tests.unit.paycore.strategies import PROPERTY
from tests.unit.paycore.test_properties_lifecycle import Command, commands, expected_events, run

OUTCOME_EVENTS = {
    Authorized: (EventType.PAYMENT_AUTHORIZED,),
    Declined: (EventType.PAYMENT_DECLINED,),
    Unavailable: (EventType.PAYMENT_FAILED,),
    Unknown: (),  # still Pending: nothing happened yet
}


def stored_types(store: InMemoryStore) -> list[EventType]:
    events = sorted(store.events.values(), key=Position.of)
    assert all(e.merchant_id == MERCHANT for e in events)
    return [e.type for e in events]


async def commit_one(store: InMemoryStore, change, *, commit: bool = True) -> None:
    """Read the payment, change it and save it in one unit (unless the change is refused)."""
    async with store.unit_of_work() as uow:
        payment = await uow.payments.get(MERCHANT, new_payment().id)
        assert payment is not None
        version = payment.version
        try:
            change(payment)
        except PaycoreError:
            return
        if payment.version == version:  # an Unknown outcome: nothing to save
            return
        await uow.payments.save(payment)
        if commit:
            await uow.commit()


@PROPERTY
@given(
    bank_outcomes.filter(lambda o: o is not None),
    st.lists(st.tuples(commands, st.booleans()), max_size=20),
)
async def test_every_committed_change_records_exactly_its_event(
    outcome, sequence: list[tuple[Command, bool]]
) -> None:
    store = InMemoryStore()
    async with store.unit_of_work() as uow:
        await uow.payments.add(new_payment())
        await uow.commit()
    assert stored_types(store) == []  # a Pending payment records nothing

    expected = list(OUTCOME_EVENTS[type(outcome)])
    await commit_one(store, lambda p: p.apply(outcome, later(p)))
    assert stored_types(store) == expected

    for number, (command, committed) in enumerate(sequence):
        noted: list[EventType] = []

        def change(
            p: Payment, command: Command = command, number: int = number, noted: list = noted
        ) -> None:
            upcoming = expected_events(p, command)
            run(p, command, f"action-{number}")
            noted.extend(upcoming)

        await commit_one(store, change, commit=committed)
        if committed:
            expected += noted
        assert stored_types(store) == expected
