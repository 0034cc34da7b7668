"""A capture whose answer never came stays Pending; the sweep asks the bank what it did."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.clock_ids_hashing import HmacFingerprinter, Uuid7Generator
from paycore.actions import ActionStatus
from paycore.payment import PaymentStatus
from paycore.use_cases import (
    ActionRunner,
    CapturePayment,
    CapturePaymentCommand,
    SettlePendingActions,
)
from tests.integration.bank.conftest import IMPATIENT, BankFactory
from tests.integration.bank.gateway import MERCHANT, SHORT_POLICY, Gateway
from tests.unit.paycore.sweep_store import SweepUnits

pytestmark = pytest.mark.timeout(30)


async def test_a_timed_out_capture_is_settled_from_the_banks_record(
    banksims: dict[str, str], make_bank: BankFactory
) -> None:
    hanging = banksims["extended-hang"]
    patient = make_bank(hanging)  # waits the hang out: the authorization and the lookups
    impatient = make_bank(hanging, **IMPATIENT)
    gateway = Gateway(bank=patient, lookups=patient)
    payment = (await gateway.pay("4111111111111111", 700)).payment
    assert payment.status is PaymentStatus.AUTHORIZED

    runner = ActionRunner(
        uow=gateway.store.unit_of_work,
        acquirer=impatient,
        cache=gateway.cache,
        clock=gateway.clock,
        ids=Uuid7Generator(),
        fingerprinter=HmacFingerprinter(b"integration-test-key"),
    )
    result = await CapturePayment(runner)(CapturePaymentCommand(MERCHANT, payment.id, 300))
    assert result.action.status is ActionStatus.PENDING

    gateway.clock.advance(timedelta(seconds=2))
    sweep = SettlePendingActions(
        uow=SweepUnits(gateway.store),
        acquirer=patient,
        cache=gateway.cache,
        clock=gateway.clock,
        policy=SHORT_POLICY,
    )
    report = await sweep()

    settled = gateway.stored(payment.id)
    assert [a.id for a in report.settled] == [result.action.id]
    assert (settled.status, settled.captured_amount) == (PaymentStatus.PARTIALLY_CAPTURED, 300)
    assert settled.actions[0].status is ActionStatus.SUCCEEDED
