"""The codec is lossless: a payment survives a trip through a row or through JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.codec import PAYMENT_COLUMNS, decode_json, encode_json, from_row, to_record, to_row
from paycore.actions import ActionStatus, ActionType, PaymentAction
from paycore.payment import FailureReason, PaymentStatus
from tests.unit.adapters.builders import payment

moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
text = st.text(max_size=100)
actions = st.builds(
    PaymentAction,
    id=text,
    type=st.sampled_from(ActionType),
    amount=st.integers(1, 2**53),
    status=st.sampled_from(ActionStatus),
    reason=st.none() | text,
    created_at=moments,
    updated_at=moments,
    idempotency_key=st.none() | text,
    failure_reason=st.none() | text,
)


@st.composite
def payments(draw):
    p = payment(
        created_at=draw(moments),
        metadata=draw(st.dictionaries(st.text(min_size=1, max_size=40), text, max_size=20)),
        reference=draw(st.none() | text),
        version=draw(st.integers(1, 2**31 - 1)),
        settlement_attempts=draw(st.integers(0, 1000)),
        next_settlement_at=draw(st.none() | moments),
    )
    p.status = draw(st.sampled_from(PaymentStatus))
    p.authorization_code = draw(st.none() | text)
    p.decline_reason = draw(st.none() | text)
    p.failure_reason = draw(st.none() | st.sampled_from(FailureReason))
    p.captured_amount = draw(st.integers(0, p.amount.minor))
    p.refunded_amount = draw(st.integers(0, p.captured_amount))
    p.actions = tuple(draw(st.lists(actions, max_size=4)))
    return p


@settings(max_examples=60, deadline=None)
@given(payments())
def test_json_round_trip_is_lossless(p) -> None:
    assert to_record(decode_json(encode_json(p))) == to_record(p)


@settings(max_examples=60, deadline=None)
@given(payments())
def test_row_round_trip_is_lossless(p) -> None:
    row = to_row(p)
    assert len(row) == len(PAYMENT_COLUMNS)
    assert to_record(from_row(row)) == to_record(p)


def test_timestamps_come_back_in_utc_whatever_zone_the_driver_used() -> None:
    p = payment()
    row = list(to_row(p))
    created = PAYMENT_COLUMNS.index("created_at")
    row[created] = p.created_at.astimezone(timezone(timedelta(hours=5)))
    restored = from_row(row)
    assert restored.created_at == p.created_at and restored.created_at.tzinfo is UTC


def test_the_json_names_no_card_number_or_cvv() -> None:
    fields = set(PAYMENT_COLUMNS)
    assert not {f for f in fields if "cvv" in f or f in {"pan", "card_number", "number"}}
    assert b"card_number" not in encode_json(payment())


def test_a_record_from_before_metadata_decodes_with_none() -> None:
    # Cached copies and idempotency snapshots written by an older version have no field.
    old = msgspec.json.decode(encode_json(payment(metadata={"a": "b"})))
    del old["metadata"]
    assert decode_json(msgspec.json.encode(old)).metadata == {}


def test_a_record_from_before_the_lifecycle_decodes_as_a_payment_no_action_touched() -> None:
    old = msgspec.json.decode(encode_json(payment()))
    for field in ("captured_amount", "refunded_amount", "actions"):
        del old[field]
    restored = decode_json(msgspec.json.encode(old))
    assert (restored.captured_amount, restored.refunded_amount, restored.actions) == (0, 0, ())
