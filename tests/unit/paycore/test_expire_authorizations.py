from __future__ import annotations

from datetime import timedelta

from paycore import (
    CapturePaymentCommand,
    ExpireAuthorizations,
    ExpiryPolicy,
    Payment,
    PaymentStatus,
)
from paycore.bank import Unknown
from tests.unit.paycore.gateway import MERCHANT
from tests.unit.paycore.lifecycle_gateway import Lifecycle
from tests.unit.paycore.sweep_store import SweepUnits

POLICY = ExpiryPolicy(ttl=timedelta(days=7))


def expiry(lifecycle: Lifecycle, units: SweepUnits | None = None) -> ExpireAuthorizations:
    return ExpireAuthorizations(
        uow=units or SweepUnits(lifecycle.gateway.store),
        cache=lifecycle.gateway.cache,
        clock=lifecycle.gateway.clock,
        policy=POLICY,
    )


def past_the_ttl(lifecycle: Lifecycle) -> None:
    lifecycle.gateway.clock.advance(POLICY.ttl + timedelta(seconds=1))


async def test_an_uncaptured_authorization_expires_and_the_cache_is_refreshed() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    past_the_ttl(lifecycle)

    report = await expiry(lifecycle)()

    stored = await lifecycle.stored(payment.id)
    assert stored.status is PaymentStatus.EXPIRED
    assert stored.updated_at == lifecycle.gateway.clock.now()
    assert [p.id for p in report.expired] == [payment.id]
    cached = await lifecycle.gateway.cache.get(MERCHANT, payment.id)
    assert cached is not None and cached.status is PaymentStatus.EXPIRED


async def test_an_authorization_within_its_ttl_stays() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    lifecycle.gateway.clock.advance(POLICY.ttl - timedelta(seconds=1))

    report = await expiry(lifecycle)()

    assert (await lifecycle.stored(payment.id)).status is PaymentStatus.AUTHORIZED
    assert report.expired == []


async def captured_and_in_flight(lifecycle: Lifecycle) -> list[Payment]:
    captured = await lifecycle.authorized()
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, captured.id, amount=100))
    in_flight = await lifecycle.authorized()
    lifecycle.acquirer.script = [Unknown("timed out")]
    await lifecycle.capture(CapturePaymentCommand(MERCHANT, in_flight.id))
    return [captured, in_flight]


async def test_captured_payments_and_payments_with_an_action_in_flight_never_expire() -> None:
    lifecycle = Lifecycle()
    payments = await captured_and_in_flight(lifecycle)
    past_the_ttl(lifecycle)
    # Even from a store that offers them, as a racing capture would make it.
    units = SweepUnits(lifecycle.gateway.store, loose=True)

    report = await expiry(lifecycle, units)()

    statuses = [(await lifecycle.stored(p.id)).status for p in payments]
    assert statuses == [PaymentStatus.PARTIALLY_CAPTURED, PaymentStatus.AUTHORIZED]
    assert (report.expired, report.skipped) == ([], 2)


async def test_a_payment_written_by_someone_else_meanwhile_is_left_to_them() -> None:
    lifecycle = Lifecycle()
    payment = await lifecycle.authorized()
    past_the_ttl(lifecycle)

    report = await expiry(lifecycle, SweepUnits(lifecycle.gateway.store, stale=True))()

    assert (await lifecycle.stored(payment.id)).status is PaymentStatus.AUTHORIZED
    assert (report.expired, report.lost_races) == ([], 1)
