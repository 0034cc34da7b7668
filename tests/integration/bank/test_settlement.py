"""A payment whose answer never came is Pending; settlement asks the bank what it did."""

from __future__ import annotations

from datetime import timedelta

import pytest

from paycore.bank import AuthorizationRequest, BankOutcome, LookupOutcome, Unknown
from paycore.payment import FailureReason, PaymentStatus
from tests.integration.bank.conftest import IMPATIENT, BankFactory, Banksim
from tests.integration.bank.gateway import SHORT_POLICY, Gateway
from tests.integration.bank.proxy import Canned, running_proxy

pytestmark = pytest.mark.timeout(30)


async def test_a_timed_out_payment_is_settled_from_the_banks_record(
    hanging_banksim: Banksim, make_bank: BankFactory
) -> None:
    bank = make_bank(hanging_banksim.url, **IMPATIENT)
    gateway = Gateway(bank=bank, lookups=bank)

    pending = (await gateway.pay("4111111111111111")).payment
    assert pending.status is PaymentStatus.PENDING
    report = await gateway.settle_after(timedelta(seconds=2))

    settled = gateway.stored(pending.id)
    if hanging_banksim.plain:
        # No lookup route: the payment waits for another attempt, then gives up.
        assert report.still_pending == [pending]
        assert settled.status is PaymentStatus.PENDING
        report = await gateway.settle_after(SHORT_POLICY.give_up_after)
        assert report.given_up == [pending]
        settled = gateway.stored(pending.id)
        assert settled.status is PaymentStatus.FAILED
        assert settled.failure_reason == FailureReason.UNSETTLED
    else:
        assert report.settled == [pending]
        assert settled.status is PaymentStatus.AUTHORIZED
        record = hanging_banksim.record(pending.id).json()
        assert settled.authorization_code == record["authorization_code"]


async def test_a_payment_the_bank_never_saw_settles_as_failed(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    gateway = Gateway(bank=_NeverSent(), lookups=make_bank(extended_banksim.url))
    pending = (await gateway.pay("4111111111111111")).payment

    report = await gateway.settle_after(timedelta(seconds=2))

    assert report.settled == [pending]
    assert gateway.stored(pending.id).failure_reason == FailureReason.NOT_RECEIVED_BY_BANK


@pytest.mark.parametrize(
    ("lookup_answer", "settled_as"),
    [
        # A bank that sends only the contract's error body, without the simulator's `code`.
        (Canned(404, b'{"error_message": "unknown key"}'), FailureReason.NOT_RECEIVED_BY_BANK),
        (Canned(404, b"Not Found"), None),  # no lookup route: asked again later
        (Canned(405, b""), None),
    ],
)
async def test_a_plain_404_settles_a_payment_the_bank_never_saw(
    make_bank: BankFactory, lookup_answer: Canned, settled_as: FailureReason | None
) -> None:
    async with running_proxy(None) as stub:  # a bank stub answering every lookup this way
        stub.outage = lookup_answer
        gateway = Gateway(bank=_NeverSent(), lookups=make_bank(stub.url))
        pending = (await gateway.pay("4111111111111111")).payment

        report = await gateway.settle_after(timedelta(seconds=2))

    assert [seen.method for seen in stub.seen] == ["GET"]
    stored = gateway.stored(pending.id)
    if settled_as is None:
        assert report.still_pending == [pending]
        assert stored.status is PaymentStatus.PENDING
    else:
        assert report.settled == [pending]
        assert (stored.status, stored.failure_reason) == (PaymentStatus.FAILED, settled_as)


class _NeverSent:
    """The gateway lost the call before it left (a crash): Pending, unknown to the bank."""

    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        return Unknown("lost before sending")

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        raise AssertionError("settlement asks the real bank")
