"""Metadata: limits, every violation at once, no card data, frozen once the payment exists."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycore import IdempotencyKeyReused, ValidationFailed
from paycore.metadata import Metadata, holds_card_number, parse_metadata
from tests.unit.paycore.gateway import MERCHANT, Gateway, command
from tests.unit.paycore.strategies import PROPERTY, luhn_numbers

VISA = "4242424242424242"


def errors_of(value: object) -> list[tuple[str, str]]:
    _, errors = parse_metadata(value)
    return [(e.field, e.message) for e in errors]


def test_absent_metadata_is_empty_and_twenty_keys_at_the_limits_are_kept() -> None:
    assert parse_metadata(None) == ({}, [])
    full = {f"{i:02d}" + "k" * 38: "v" * 500 for i in range(20)}
    metadata, errors = parse_metadata(full)
    assert (metadata, errors) == (full, [])
    assert parse_metadata({"": "x"})[1]  # a key is at least one character


def test_every_violation_is_reported_at_once_with_its_path() -> None:
    too_many = {f"k{i}": "v" for i in range(21)}
    assert errors_of(too_many) == [("metadata", "must have at most 20 keys")]
    errors = errors_of({"order_id": 7, "note": "x" * 501, "k" * 41: "ok", "": "ok", "ok": "ok"})
    assert errors == [
        ("metadata.order_id", "must be a string"),
        ("metadata.note", "must be at most 500 characters"),
        ("metadata." + "k" * 41, "keys must be 1 to 40 characters"),
        ("metadata.", "keys must be 1 to 40 characters"),
    ]
    assert errors_of(["not", "an", "object"]) == [
        ("metadata", "must be an object of strings to strings")
    ]
    assert errors_of({1: "a"}) == [("metadata", "keys must be strings")]


def test_nul_characters_are_refused_in_keys_and_values() -> None:
    assert errors_of({"a\x00b": "v"}) == [("metadata", "keys must not contain NUL characters")]
    assert errors_of({"k": "v\x00"}) == [("metadata.k", "must not contain NUL characters")]


def test_lone_surrogates_are_refused_in_keys_and_values() -> None:
    unencodable = "must be valid Unicode text (it holds a lone surrogate)"
    assert errors_of({"a\ud800": "v"}) == [("metadata", "keys " + unencodable)]
    assert errors_of({"k": "v\udfff"}) == [("metadata.k", unencodable)]


@pytest.mark.parametrize(
    "value", [VISA, "4242 4242 4242 4242", "4242-4242-4242-4242", "card: 4242 4242 4242 4242."]
)
def test_a_value_or_key_holding_a_card_number_is_refused_without_repeating_it(value) -> None:
    assert errors_of({"k": value}) == [("metadata.k", "must not hold a card number")]
    errors = errors_of({value: "v"})
    assert errors == [("metadata", "keys must not hold a card number")]
    assert all(VISA[:6] not in f + m for f, m in errors)


@pytest.mark.parametrize(
    "value",
    [
        "order-6735",
        "2026-01-15",
        "+44 20 7946 0958",
        "4242424242424241",  # fails Luhn
        "424242424242",  # 12 digits: too short
        "42424242424242424242424",  # one unbroken run longer than any card number
    ],
)
def test_ordinary_labels_are_not_card_numbers(value: str) -> None:
    assert not holds_card_number(value)


def test_a_card_number_after_other_digit_groups_is_still_found() -> None:
    assert holds_card_number("order 12 4242 4242 4242 4242")


@PROPERTY
@given(luhn_numbers(min_size=13, max_size=19), st.sampled_from(["", " ", "-", " - "]))
def test_any_luhn_valid_13_to_19_digits_as_typed_is_a_card_number(digits, separator) -> None:
    typed = separator.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    assert holds_card_number(f"ref {typed} end")


def test_metadata_cannot_change_once_made() -> None:
    metadata = Metadata({"a": "b"})
    for change in (
        lambda: metadata.__setitem__("a", "c"),
        lambda: metadata.__delitem__("a"),
        lambda: metadata.update(c="d"),
        metadata.clear,
        metadata.popitem,
        lambda: metadata.pop("a"),
        lambda: metadata.setdefault("x", "y"),
    ):
        with pytest.raises(TypeError):
            change()
    assert metadata == {"a": "b"}
    assert copy.copy(metadata) is metadata and copy.deepcopy(metadata) is metadata
    assert pickle.loads(pickle.dumps(metadata)) == {"a": "b"}


async def test_a_payment_keeps_its_metadata_frozen(gateway: Gateway) -> None:
    labels = {"order_id": "6735"}
    result = await gateway.process(command(metadata=labels))
    labels["order_id"] = "changed"
    payment = result.payment
    assert payment.metadata == {"order_id": "6735"}
    with pytest.raises(TypeError):
        payment.metadata["order_id"] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        payment.metadata = {}
    stored = await gateway.retrieve(MERCHANT, payment.id)
    assert stored.metadata == {"order_id": "6735"}
    assert (await gateway.process(command())).payment.metadata == {}


async def test_validation_reports_metadata_with_the_other_fields(gateway: Gateway) -> None:
    with pytest.raises(ValidationFailed) as failed:
        await gateway.process(command(amount=0, metadata={"pan": VISA, "k": 1}))
    fields = [e.field for e in failed.value.errors]
    assert fields == ["amount", "metadata.pan", "metadata.k"]
    assert VISA not in str(failed.value)


async def test_the_same_key_with_other_metadata_is_another_request(gateway: Gateway) -> None:
    first = await gateway.process(command(key="k-1", metadata={"a": "1", "b": "2"}))
    # Key order means nothing in a JSON object: the same request, replayed.
    again = await gateway.process(command(key="k-1", metadata={"b": "2", "a": "1"}))
    assert again.replayed and again.payment.id == first.payment.id
    assert again.payment.metadata == {"a": "1", "b": "2"}
    with pytest.raises(IdempotencyKeyReused):
        await gateway.process(command(key="k-1", metadata={"a": "1", "b": "3"}))
    with pytest.raises(IdempotencyKeyReused):
        await gateway.process(command(key="k-1"))


async def test_without_metadata_the_fingerprint_is_what_it_was(gateway: Gateway) -> None:
    # Keys claimed before metadata existed must still match their retries.
    await gateway.process(command(key="k-1"))
    assert (await gateway.process(command(key="k-1", metadata={}))).replayed
