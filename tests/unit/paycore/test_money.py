from __future__ import annotations

from decimal import Decimal

import pytest

from paycore import Currency, Money
from paycore.errors import InvalidAmount, UnknownCurrency
from paycore.money import CURRENCIES, currency


@pytest.mark.parametrize(
    ("code", "exponent"),
    [
        ("USD", 2),
        ("EUR", 2),
        ("GBP", 2),
        ("JPY", 0),
        ("KRW", 0),
        ("KWD", 3),
        ("BHD", 3),
        ("CLF", 4),
    ],
)
def test_currency_table_knows_the_minor_unit_exponent(code: str, exponent: int) -> None:
    assert currency(code) == Currency(code, exponent)
    assert currency(code).minor_per_major == 10**exponent


def test_currency_table_holds_only_upper_case_three_letter_codes() -> None:
    assert len(CURRENCIES) > 150
    assert all(len(code) == 3 and code.isupper() for code in CURRENCIES)
    assert {c.exponent for c in CURRENCIES.values()} == {0, 2, 3, 4}


@pytest.mark.parametrize("code", ["usd", "XYZ", "", "US"])
def test_unknown_currency_is_refused(code: str) -> None:
    with pytest.raises(UnknownCurrency):
        currency(code)
    with pytest.raises(UnknownCurrency):
        Money.of_minor(100, code)


@pytest.mark.parametrize(
    ("major", "code", "minor"),
    [
        ("10.50", "USD", 1050),
        (" 10.5 ", "USD", 1050),
        (Decimal("0.01"), "EUR", 1),
        (10, "GBP", 1000),
        ("1500", "JPY", 1500),
        ("1.234", "KWD", 1234),
        ("0.0001", "CLF", 1),
        ("10.000", "USD", 1000),  # trailing zeros are not extra precision
        ("1E+2", "USD", 10000),
        ("-0.5", "USD", -50),  # sign is for validation to judge, not conversion
    ],
)
def test_from_major_is_exact(major: Decimal | int | str, code: str, minor: int) -> None:
    money = Money.from_major(major, code)
    assert money == Money.of_minor(minor, code)
    assert type(money.minor) is int


def test_from_major_keeps_every_digit_beyond_the_default_decimal_precision() -> None:
    # 30 significant digits: the default 28-digit context would round this silently.
    money = Money.from_major("1234567890123456789012345678.91", "USD")
    assert money.minor == 123456789012345678901234567891
    assert money.to_major() == Decimal("1234567890123456789012345678.91")


@pytest.mark.parametrize(
    ("major", "code"),
    [
        ("10.501", "USD"),
        ("1.5", "JPY"),
        ("0.00001", "CLF"),
        ("1.0000000000000000000000000000001", "USD"),  # the extra digit is past 28 digits
    ],
)
def test_more_decimal_places_than_the_currency_has_is_refused(major: str, code: str) -> None:
    with pytest.raises(InvalidAmount, match="decimal places"):
        Money.from_major(major, code)


@pytest.mark.parametrize("major", ["1E+31", "9" * 32, Decimal("-1E+40"), 10**31])
def test_absurd_magnitudes_are_refused_before_becoming_huge_integers(major: object) -> None:
    with pytest.raises(InvalidAmount, match="too large"):
        Money.from_major(major, "USD")  # type: ignore[arg-type]


def test_an_exponent_no_decimal_can_hold_is_out_of_range() -> None:
    with pytest.raises(InvalidAmount, match="out of range"):
        Money.from_major("1E+100000000000000000000", "USD")


def test_the_largest_accepted_magnitude_and_zero_with_a_huge_exponent() -> None:
    assert Money.from_major("1E+30", "USD").minor == 10**32
    assert Money.from_major("0E-999999", "USD").minor == 0


@pytest.mark.parametrize(
    "major", ["abc", "", "1,5", "NaN", "Infinity", "-inf", "sNaN", "1_000", "\u0661", "1.", " 1 2"]
)
def test_non_numbers_and_non_finite_values_are_refused(major: str) -> None:
    with pytest.raises(InvalidAmount):
        Money.from_major(major, "USD")


@pytest.mark.parametrize("major", [10.5, True, None, [1]])
def test_floats_bools_and_other_types_are_refused(major: object) -> None:
    with pytest.raises(InvalidAmount, match="decimal number"):
        Money.from_major(major, "USD")  # type: ignore[arg-type]


def test_unknown_currency_is_refused_before_the_amount_is_read() -> None:
    with pytest.raises(UnknownCurrency):
        Money.from_major("1.00", "ABC")


@pytest.mark.parametrize(
    ("minor", "code", "text"),
    [
        (1050, "USD", "10.50 USD"),
        (5, "USD", "0.05 USD"),
        (0, "EUR", "0.00 EUR"),
        (1500, "JPY", "1500 JPY"),
        (1, "KWD", "0.001 KWD"),
        (12345, "CLF", "1.2345 CLF"),
        (-250, "GBP", "-2.50 GBP"),
    ],
)
def test_str_shows_major_units_with_the_currency_exponent(minor: int, code: str, text: str) -> None:
    assert str(Money.of_minor(minor, code)) == text


def test_to_major_is_a_decimal_with_the_currency_exponent() -> None:
    major = Money.of_minor(1050, "USD").to_major()
    assert major == Decimal("10.50")
    assert major.as_tuple().exponent == -2


@pytest.mark.parametrize("major", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_refused(major: Decimal) -> None:
    with pytest.raises(InvalidAmount, match="finite"):
        Money.from_major(major, "USD")


@pytest.mark.parametrize(
    "text", ["1E+100000000000000000000", "1e-1000000000000000000000", "0E1000000000000000000"]
)
def test_exponents_no_decimal_can_hold_are_invalid_amounts(text: str) -> None:
    with pytest.raises(InvalidAmount, match="out of range"):
        Money.from_major(text, "USD")
