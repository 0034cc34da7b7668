from __future__ import annotations

from datetime import date

import pytest

from paycore.card import (
    CardDetails,
    CardSummary,
    Expiry,
    detect_brand,
    luhn_valid,
    mask,
    normalise_pan,
)
from tests.unit.paycore.cards import card_number


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("4242 4242 4242 4242", "4242424242424242"),
        ("4242-4242-4242-4242", "4242424242424242"),
        (" 4242 - 4242 4242-4242 ", "4242424242424242"),
        ("4242\t4242", "4242\t4242"),  # only spaces and hyphens are separators
    ],
)
def test_normalise_drops_spaces_and_hyphens(raw: str, digits: str) -> None:
    assert normalise_pan(raw) == digits


@pytest.mark.parametrize(
    "number",
    ["4242424242424242", "5555555555554444", "378282246310005", "6011111111111117", "0"],
)
def test_luhn_accepts_valid_numbers(number: str) -> None:
    assert luhn_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "4242424242424241",
        "1234567812345678",
        "",
        "4242 4242",
        "abcd",
        "\u00b2",
        "\u0660" * 16,
    ],  # superscript two, Arabic-Indic zeros
)
def test_luhn_refuses_bad_checksums_and_non_digits(number: str) -> None:
    assert not luhn_valid(number)


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4242424242424242", "visa"),
        ("4222222222222", "visa"),  # 13 digits
        (card_number("4", 19), "visa"),
        ("5555555555554444", "mastercard"),
        ("5105105105105100", "mastercard"),
        ("2223003122003222", "mastercard"),
        (card_number("2720", 16), "mastercard"),
        ("378282246310005", "amex"),
        ("341111111111111", "amex"),
        ("6011111111111117", "discover"),
        (card_number("644", 16), "discover"),
        (card_number("65", 19), "discover"),
        (card_number("622126", 16), "discover"),
        (card_number("622925", 16), "discover"),
        ("3530111333300000", "jcb"),
        ("36227206271667", "diners"),
        (card_number("300", 14), "diners"),
        (card_number("38", 16), "diners"),
        (card_number("62", 16), "unionpay"),
        (card_number("622125", 16), "unionpay"),  # just below the discover co-brand range
        (card_number("622926", 16), "unionpay"),
    ],
)
def test_brands_are_detected_by_prefix_and_length(number: str, brand: str) -> None:
    assert detect_brand(number) == brand


@pytest.mark.parametrize(
    "number",
    [
        card_number("9", 16),
        card_number("1", 16),
        card_number("4", 15),  # visa prefix, but no visa is 15 long
        card_number("5555", 19),  # mastercard prefix, wrong length
        card_number("2721", 16),  # just past the mastercard 2-series
        card_number("37", 16),  # amex prefix, wrong length
    ],
)
def test_numbers_of_no_known_brand_are_unknown(number: str) -> None:
    assert detect_brand(number) == "unknown"


@pytest.mark.parametrize(
    ("month", "year", "last_day"),
    [
        (1, 2030, date(2030, 1, 31)),
        (4, 2030, date(2030, 4, 30)),
        (2, 2027, date(2027, 2, 28)),
        (2, 2028, date(2028, 2, 29)),  # leap year
        (2, 2000, date(2000, 2, 29)),  # divisible by 400: leap
        (2, 2100, date(2100, 2, 28)),  # divisible by 100: not leap
        (12, 9999, date(9999, 12, 31)),
    ],
)
def test_a_card_is_valid_through_the_last_day_of_its_month(
    month: int, year: int, last_day: date
) -> None:
    expiry = Expiry(month, year)
    assert expiry.last_valid_day == last_day
    assert expiry.is_valid_on(last_day)
    assert expiry.is_valid_on(date(year, month, 1))
    if last_day < date.max:
        assert not expiry.is_valid_on(date.fromordinal(last_day.toordinal() + 1))


def test_expiry_for_the_bank_is_zero_padded() -> None:
    assert Expiry(4, 2030).as_bank_string() == "04/2030"
    assert Expiry(12, 2031).as_bank_string() == "12/2031"


@pytest.mark.parametrize("number", ["42424242424242", "4242424242424242", "4242424242424242424"])
def test_mask_shows_only_the_last_four_in_a_fixed_shape(number: str) -> None:
    masked = mask(number)
    assert masked == "**** **** **** " + number[-4:]
    assert len(masked) == 19


def test_summary_masks_its_last_four() -> None:
    summary = CardSummary(last4="4242", brand="visa", expiry=Expiry(12, 2030), fingerprint="f")
    assert summary.masked_number == "**** **** **** 4242"


def test_card_details_repr_and_str_hide_the_number_and_cvv() -> None:
    card = CardDetails(number="4000056655665556", cvv="987", expiry=Expiry(12, 2030))
    for text in (repr(card), str(card), f"{card}", repr([card])):
        assert "4000056655665556" not in text
        assert "987" not in text
        assert "5556" in text  # the last four are fine to show
    assert card.number == "4000056655665556"  # still usable for the bank call
