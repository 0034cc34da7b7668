from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from adapters.clock_ids_hashing import HmacFingerprinter
from adapters.memory import InMemoryBank, ManualClock
from paycore import (
    FailureReason,
    IdempotencyKeyReused,
    IdempotencyRequestInProgress,
    PaymentStatus,
    ValidationFailed,
)
from paycore.bank import AuthorizationRequest, Declined, Unavailable, Unknown
from tests.unit.paycore.gateway import (
    AUTHORIZED_PAN,
    DECLINED_PAN,
    FINGERPRINT_KEY,
    MERCHANT,
    OTHER_MERCHANT,
    Gateway,
    command,
)


def stored(gateway: Gateway, payment_id: str) -> tuple[PaymentStatus, int]:
    payment = gateway.store.payments[payment_id]
    return payment.status, payment.version


async def test_an_authorized_payment_is_stored_cached_and_charged_once(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    result = await gateway.process(command())

    payment = result.payment
    assert payment.status is PaymentStatus.AUTHORIZED
    assert payment.authorization_code == "auth-1"
    assert not result.replayed
    assert result.retry_after_seconds is None
    assert stored(gateway, payment.id) == (PaymentStatus.AUTHORIZED, 2)
    assert await gateway.cache.get(MERCHANT, payment.id) == payment
    assert bank.authorize_calls == [payment.id]  # our id is the bank's idempotency key
    assert bank.authorizations == 1


async def test_the_payment_keeps_a_card_summary_amount_and_reference(gateway: Gateway) -> None:
    payment = (await gateway.process(command(reference="order-9", amount=250))).payment
    assert payment.merchant_id == MERCHANT
    assert payment.amount.minor == 250
    assert payment.amount.currency.code == "USD"
    assert payment.reference == "order-9"
    assert payment.card.last4 == AUTHORIZED_PAN[-4:]
    assert payment.card.brand == "visa"
    assert payment.card.masked_number == "**** **** **** 1111"
    assert (payment.card.expiry.month, payment.card.expiry.year) == (12, 2030)
    expected = Gateway().fingerprinter.fingerprint(AUTHORIZED_PAN.encode())
    assert payment.card.fingerprint == expected
    assert FINGERPRINT_KEY.decode() not in repr(payment)
    assert payment.created_at == payment.updated_at == gateway.clock.now()


async def test_nothing_returned_or_stored_shows_the_card_number_or_cvv(gateway: Gateway) -> None:
    result = await gateway.process(command(key="k-1", cvv="9876"))
    shown = [repr(result), str(result.payment), repr(gateway.store), repr(vars(gateway.cache))]
    for text in shown:
        assert AUTHORIZED_PAN not in text
        assert "9876" not in text
        assert "cvv" not in text


async def test_a_declined_payment_keeps_the_banks_reason(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Declined("insufficient_funds"))
    payment = (await gateway.process(command())).payment
    assert payment.status is PaymentStatus.DECLINED
    assert payment.decline_reason == "insufficient_funds"
    assert stored(gateway, payment.id) == (PaymentStatus.DECLINED, 2)


async def test_a_decline_without_a_reason_has_none(gateway: Gateway, bank: InMemoryBank) -> None:
    payment = (await gateway.process(command(card_number=DECLINED_PAN))).payment
    assert payment.status is PaymentStatus.DECLINED
    assert payment.decline_reason is None
    assert bank.authorizations == 0


async def test_an_unavailable_bank_fails_the_payment_with_retry_after(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Unavailable(FailureReason.CIRCUIT_OPEN, retry_after_seconds=30))
    result = await gateway.process(command())
    assert result.payment.status is PaymentStatus.FAILED
    assert result.payment.failure_reason == FailureReason.CIRCUIT_OPEN
    assert result.retry_after_seconds == 30
    assert stored(gateway, result.payment.id) == (PaymentStatus.FAILED, 2)
    assert bank.authorizations == 0


async def test_an_unknown_outcome_leaves_the_payment_pending_for_settlement(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Unknown("timed out"))
    result = await gateway.process(command(key="k-1"))
    assert result.payment.status is PaymentStatus.PENDING
    assert result.retry_after_seconds is None
    assert stored(gateway, result.payment.id) == (PaymentStatus.PENDING, 1)
    assert (await gateway.cache.get(MERCHANT, result.payment.id)) == result.payment
    assert gateway.store.idempotency[(MERCHANT, "k-1")].completed


async def test_a_pending_payment_whose_request_finished_is_replayed(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    bank.script.append(Unknown())
    first = await gateway.process(command(key="k-1"))
    again = await gateway.process(command(key="k-1"))
    assert again.replayed
    assert again.payment.id == first.payment.id
    assert again.payment.status is PaymentStatus.PENDING


async def test_the_same_key_and_body_replays_the_first_result(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    first = await gateway.process(command(key="k-1"))
    gateway.clock.advance(timedelta(hours=1))
    again = await gateway.process(command(key="k-1"))

    assert again.replayed
    assert again.payment.id == first.payment.id
    assert again.payment.status is PaymentStatus.AUTHORIZED
    assert again.payment.authorization_code == first.payment.authorization_code
    assert len(bank.authorize_calls) == 1
    assert len(gateway.store.payments) == 1
    record = gateway.store.idempotency[(MERCHANT, "k-1")]
    assert record.completed
    assert record.payment_id == first.payment.id


async def test_the_same_key_with_another_body_is_refused(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    await gateway.process(command(key="k-1"))
    changes = ({"amount": 1051}, {"expiry_year": 2031}, {"reference": None}, {"currency": "EUR"})
    for changed in changes:
        with pytest.raises(IdempotencyKeyReused):
            await gateway.process(command(key="k-1", **changed))
    assert len(bank.authorize_calls) == 1
    assert len(gateway.store.payments) == 1


class RecordingFingerprinter(HmacFingerprinter):
    def __init__(self) -> None:
        super().__init__(FINGERPRINT_KEY)
        self.inputs: list[bytes] = []

    def fingerprint(self, data: bytes) -> str:
        self.inputs.append(data)
        return super().fingerprint(data)


async def test_no_fingerprint_is_derived_from_the_cvv(bank: InMemoryBank) -> None:
    # PCI DSS 3.3.1: the CVV is not kept after authorization in any form, hashed included.
    fingerprinter = RecordingFingerprinter()
    gateway = Gateway(bank=bank, fingerprinter=fingerprinter)
    first = await gateway.process(command(key="k-1", cvv="9731"))
    again = await gateway.process(command(key="k-1", cvv="9732"))

    assert fingerprinter.inputs and not any(b"973" in data for data in fingerprinter.inputs)
    # So a retry that differs only in its CVV is the same request: it replays.
    assert again.replayed and again.payment.id == first.payment.id
    assert len(bank.authorize_calls) == 1


async def test_cosmetic_differences_in_the_body_are_the_same_request(gateway: Gateway) -> None:
    first = await gateway.process(command(key="k-1", card_number="4111-1111-1111-1111", cvv=123))
    again = await gateway.process(command(key="k-1", card_number="4111111111111111", cvv="123"))
    assert again.replayed
    assert again.payment.id == first.payment.id


async def test_keys_belong_to_one_merchant(gateway: Gateway, bank: InMemoryBank) -> None:
    mine = await gateway.process(command(key="k-1"))
    theirs = await gateway.process(command(key="k-1", merchant=OTHER_MERCHANT))
    assert not theirs.replayed
    assert theirs.payment.id != mine.payment.id
    assert theirs.payment.merchant_id == OTHER_MERCHANT
    assert len(bank.authorize_calls) == 2


async def test_without_a_key_every_call_is_a_new_payment(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    first = await gateway.process(command())
    second = await gateway.process(command())
    assert first.payment.id != second.payment.id
    assert len(gateway.store.payments) == 2
    assert len(bank.authorize_calls) == 2
    assert gateway.store.idempotency == {}


async def test_an_invalid_request_stores_nothing_and_never_reaches_the_bank(
    gateway: Gateway, bank: InMemoryBank
) -> None:
    with pytest.raises(ValidationFailed):
        await gateway.process(command(key="k-1", card_number="4242424242424241"))
    assert gateway.store.payments == {}
    assert gateway.store.idempotency == {}
    assert bank.authorize_calls == []
    # The key was not spent on the invalid request.
    assert not (await gateway.process(command(key="k-1"))).replayed


class CrashingBank(InMemoryBank):
    """The gateway process dies (or the adapter raises) while the bank call is out."""

    async def authorize(self, request: AuthorizationRequest) -> Unknown:
        self.authorize_calls.append(request.idempotency_key)
        raise ConnectionResetError("gateway went away mid-call")


async def test_a_key_left_unfinished_by_a_crash_replays_once_settlement_resolved_it() -> None:
    gateway = Gateway(bank=CrashingBank())
    with pytest.raises(ConnectionResetError):
        await gateway.process(command(key="k-1"))
    with pytest.raises(IdempotencyRequestInProgress):
        await gateway.process(command(key="k-1"))

    gateway.clock.advance(gateway.settlement_policy.older_than * 2)
    await gateway.settle()  # the bank never saw it: Failed, nothing charged

    again = await gateway.process(command(key="k-1"))
    assert again.replayed
    assert again.payment.status is PaymentStatus.FAILED
    assert again.payment.failure_reason == FailureReason.NOT_RECEIVED_BY_BANK


class TickingClock(ManualClock):
    """A clock that moves a millisecond every time it is read."""

    def now(self) -> datetime:
        self.advance(timedelta(milliseconds=1))
        return super().now()


async def test_a_request_is_created_and_claims_its_key_at_one_instant() -> None:
    gateway = Gateway(clock=TickingClock())
    result = await gateway.process(command(key="k-1"))
    payment = result.payment
    claim = gateway.store.idempotency[(MERCHANT, "k-1")]
    assert claim.created_at == payment.created_at
    # The outcome is dated when the bank answered, after the request arrived.
    assert payment.updated_at > payment.created_at
