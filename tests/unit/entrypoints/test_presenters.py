from __future__ import annotations

from datetime import UTC, datetime

import pytest

from entrypoints.http.outcomes import status_code_for
from entrypoints.http.presenters import payment_out
from entrypoints.http.request_context import request_id_of
from paycore.card import CardSummary, Expiry
from paycore.money import Money
from paycore.payment import FailureReason, Payment, PaymentStatus

NOW = datetime(2026, 11, 26, 17, 0, 0, 123456, tzinfo=UTC)


def payment(status: PaymentStatus, reason: FailureReason | None = None) -> Payment:
    return Payment(
        id="p",
        merchant_id="m",
        amount=Money.of_minor(1050, "USD"),
        card=CardSummary("4242", "visa", Expiry(12, 2030), "fp"),
        reference=None,
        created_at=NOW,
        updated_at=NOW,
        status=status,
        failure_reason=reason,
    )


@pytest.mark.parametrize(
    ("status", "reason", "code"),
    [
        (PaymentStatus.AUTHORIZED, None, 201),
        (PaymentStatus.DECLINED, None, 201),
        (PaymentStatus.PENDING, None, 202),
        (PaymentStatus.FAILED, FailureReason.BANK_ERROR, 502),
        (PaymentStatus.FAILED, FailureReason.BANK_UNAVAILABLE, 503),
        (PaymentStatus.FAILED, FailureReason.CIRCUIT_OPEN, 503),
        (PaymentStatus.CAPTURED, None, 201),
        (PaymentStatus.PARTIALLY_CAPTURED, None, 201),
        (PaymentStatus.VOIDED, None, 201),
        (PaymentStatus.REFUNDED, None, 201),
        (PaymentStatus.EXPIRED, None, 201),
    ],
)
def test_outcomes_map_to_status_codes(status, reason, code) -> None:
    assert status_code_for(payment(status, reason)) == code


def test_timestamps_are_utc_milliseconds_with_z() -> None:
    out = payment_out(payment(PaymentStatus.AUTHORIZED))

    assert out.created_at == "2026-11-26T17:00:00.123Z"
    assert out.card.masked_number == "**** **** **** 4242"


def test_request_ids_are_echoed_only_when_sane() -> None:
    sane = {"type": "http", "headers": [(b"x-request-id", b"abc-123")]}
    insane = {"type": "http", "headers": [(b"x-request-id", b"a b\n")]}

    assert request_id_of(sane) == "abc-123"
    assert request_id_of(insane) != "a b\n"
    assert request_id_of(insane) == request_id_of(insane)  # fixed for the request
