from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from paycore import FieldError, Money, PaymentPolicy, ValidationFailed
from paycore.card import Expiry
from paycore.errors import UnknownCurrency
from paycore.validation import DEFAULT_MAX_AMOUNT, validate
from tests.unit.paycore.gateway import payment_request

TODAY = date(2026, 1, 15)
POLICY = PaymentPolicy()


def errors_of(policy: PaymentPolicy = POLICY, today: date = TODAY, **fields: Any) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        validate(payment_request(**fields), policy, today)
    return {e.field: e.message for e in caught.value.errors}


def test_a_valid_request_becomes_card_details_money_and_reference() -> None:
    valid = validate(payment_request(), POLICY, TODAY)
    assert valid.card.number == "4111111111111111"
    assert valid.card.cvv == "123"
    assert valid.card.expiry == Expiry(12, 2030)
    assert valid.amount == Money.of_minor(1050, "USD")
    assert valid.reference == "order-123"


def test_every_bad_field_is_reported_at_once_with_its_exact_name() -> None:
    bad = errors_of(
        card_number="1234",
        expiry_month=13,
        expiry_year=123,
        cvv="12",
        amount=0,
        currency="usd",
        reference="x" * 101,
    )
    assert set(bad) == {
        "card_number",
        "expiry_month",
        "expiry_year",
        "cvv",
        "amount",
        "currency",
        "reference",
    }


def test_the_exception_lists_field_errors_and_says_them_in_its_message() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate(payment_request(cvv="1", amount=-1), POLICY, TODAY)
    assert caught.value.errors == (
        FieldError("cvv", "must be 3 or 4 digits"),
        FieldError("amount", "must be between 1 and 100000000 minor units"),
    )
    assert str(caught.value) == (
        "cvv: must be 3 or 4 digits; amount: must be between 1 and 100000000 minor units"
    )


@pytest.mark.parametrize("number", ["4111-1111-1111-1111", "4111 1111 1111 1111", "36227206271667"])
def test_card_numbers_with_separators_or_14_digits_are_accepted(number: str) -> None:
    assert validate(payment_request(card_number=number), POLICY, TODAY).card.number.isdigit()


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (4242424242424241, "must be a string of digits"),
        (None, "must be a string of digits"),
        ("4242", "must be 14 to 19 digits"),
        ("4" * 20, "must be 14 to 19 digits"),
        ("4242x24242424242424", "must be 14 to 19 digits"),
        ("\uff14" + "\uff11" * 15, "must be 14 to 19 digits"),  # full-width digits
        ("4242424242424241", "is not a valid card number (checksum failed)"),
    ],
)
def test_bad_card_numbers_are_refused(number: object, message: str) -> None:
    assert errors_of(card_number=number) == {"card_number": message}


@pytest.mark.parametrize("month", [0, 13, -1, "12", 12.0, True, None])
def test_month_must_be_an_integer_from_1_to_12(month: object) -> None:
    assert errors_of(expiry_month=month) == {"expiry_month": "must be an integer from 1 to 12"}


@pytest.mark.parametrize(("year", "meaning"), [(30, 2030), (0, 2000), (99, 2099), (2030, 2030)])
def test_two_digit_years_mean_this_century(year: int, meaning: int) -> None:
    today = date(1999, 1, 1)
    assert validate(payment_request(expiry_year=year), POLICY, today).card.expiry.year == meaning


@pytest.mark.parametrize("year", [100, 999, 10000, -1, "2030", True, 2030.0])
def test_other_years_are_refused(year: object) -> None:
    assert set(errors_of(expiry_year=year)) == {"expiry_year"}


def test_the_card_is_valid_through_the_end_of_its_expiry_month() -> None:
    request = payment_request(expiry_month=2, expiry_year=2028)
    assert validate(request, POLICY, date(2028, 2, 29)).card.expiry == Expiry(2, 2028)
    assert errors_of(expiry_month=2, expiry_year=2028, today=date(2028, 3, 1)) == {
        "expiry_year": "the card has expired"
    }


def test_an_expired_card_is_refused() -> None:
    assert errors_of(expiry_month=12, expiry_year=25) == {"expiry_year": "the card has expired"}


@pytest.mark.parametrize(
    ("cvv", "kept"), [("123", "123"), ("0123", "0123"), (123, "123"), (9999, "9999")]
)
def test_cvv_is_3_or_4_digits_as_a_string_or_an_integer(cvv: object, kept: str) -> None:
    assert validate(payment_request(cvv=cvv), POLICY, TODAY).card.cvv == kept


@pytest.mark.parametrize(
    "cvv", ["12", "12345", "12a", "\u0661\u0662\u0663", 99, 10000, -123, True, None, 123.0]
)
def test_other_cvvs_are_refused(cvv: object) -> None:
    assert errors_of(cvv=cvv) == {"cvv": "must be 3 or 4 digits"}


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("usd", "must be an upper-case ISO 4217 code"),
        ("USDX", "must be an upper-case ISO 4217 code"),
        (840, "must be an upper-case ISO 4217 code"),
        ("JPY", "must be one of EUR, GBP, USD"),
    ],
)
def test_currency_must_be_one_of_the_configured_codes(code: object, message: str) -> None:
    assert errors_of(currency=code) == {"currency": message}


def test_the_configured_currencies_decide() -> None:
    policy = PaymentPolicy(currencies=frozenset({"JPY"}))
    valid = validate(payment_request(currency="JPY", amount=500), policy, TODAY)
    assert valid.amount == Money.of_minor(500, "JPY")


def test_a_policy_with_a_code_that_is_no_currency_fails_at_configuration() -> None:
    with pytest.raises(UnknownCurrency):
        PaymentPolicy(currencies=frozenset({"USD", "XYZ"}))


@pytest.mark.parametrize("amount", [1, DEFAULT_MAX_AMOUNT])
def test_amount_bounds_are_inclusive(amount: int) -> None:
    assert validate(payment_request(amount=amount), POLICY, TODAY).amount.minor == amount


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (0, "must be between 1 and 100000000 minor units"),
        (DEFAULT_MAX_AMOUNT + 1, "must be between 1 and 100000000 minor units"),
        (10**400, "must be between 1 and 100000000 minor units"),
        (True, "must be an integer in the currency's minor unit"),
        (10.5, "must be an integer in the currency's minor unit"),
        ("1050", "must be an integer in the currency's minor unit"),
    ],
)
def test_minor_amounts_must_be_integers_in_range(amount: object, message: str) -> None:
    assert errors_of(amount=amount) == {"amount": message}


def test_the_configured_maximum_decides() -> None:
    policy = PaymentPolicy(max_amount=500)
    assert errors_of(policy, amount=501) == {"amount": "must be between 1 and 500 minor units"}


@pytest.mark.parametrize(
    ("amount", "minor"), [("10.50", 1050), (Decimal("0.01"), 1), (10, 1000), ("1000000", 100000000)]
)
def test_major_unit_amounts_are_converted_exactly(amount: object, minor: int) -> None:
    valid = validate(payment_request(amount=amount, amount_unit="major"), POLICY, TODAY)
    assert valid.amount.minor == minor


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("10.501", "USD has at most 2 decimal places"),
        ("ten", "amount must be a decimal number"),
        ("1E+40", "amount is too large"),
        (10.5, "must be a decimal number"),
        (True, "must be a decimal number"),
        ("0.00", "must be between 1 and 100000000 minor units"),
        ("1000000.01", "must be between 1 and 100000000 minor units"),
    ],
)
def test_bad_major_unit_amounts_are_refused(amount: object, message: str) -> None:
    assert errors_of(amount=amount, amount_unit="major") == {"amount": message}


@pytest.mark.parametrize(
    ("amount", "unit", "reported"),
    [
        (1050, "minor", False),
        (0, "minor", True),
        ("1050", "minor", True),
        ("10.50", "major", False),
        (10.5, "major", True),
        ("-1", "major", True),
        (-1, "major", True),
        ("0", "major", True),
        (0, "major", True),
        ("abc", "major", True),
        ("0.001", "major", False),  # how many places the currency allows is unknown
        (Decimal("-0.01"), "major", True),
    ],
)
def test_with_a_bad_currency_the_amount_is_still_checked_for_shape(
    amount: object, unit: str, reported: bool
) -> None:
    bad = errors_of(currency="XX", amount=amount, amount_unit=unit)
    assert ("amount" in bad) is reported
    assert "currency" in bad


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        ("1050", "minor", "must be an integer in the currency's minor unit"),
        (-5, "minor", "must be a positive amount"),
        ([], "major", "must be a decimal number"),
        (False, "major", "must be a decimal number"),
        ("abc", "major", "amount must be a decimal number"),
        ("1_000", "major", "amount must be a decimal number"),
        (Decimal("NaN"), "major", "amount must be a finite number"),
        ("1E+40", "major", "amount is too large"),
        ("-1", "major", "must be a positive amount"),
        ("-0", "major", "must be a positive amount"),
        (0, "major", "must be a positive amount"),
    ],
)
def test_with_an_unknown_currency_the_amount_error_says_what_is_wrong(
    amount: object, unit: str, message: str
) -> None:
    bad = errors_of(currency="XXX", amount=amount, amount_unit=unit)
    assert bad == {"currency": "must be one of EUR, GBP, USD", "amount": message}


@pytest.mark.parametrize("reference", [None, "", "x" * 100])
def test_reference_is_optional_and_at_most_100_characters(reference: str | None) -> None:
    assert validate(payment_request(reference=reference), POLICY, TODAY).reference == reference


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("x" * 101, "must be at most 100 characters"),
        (123, "must be a string"),
        # PostgreSQL cannot store NUL in text: refused alike on every storage, here.
        ("order\x00-1", "must not contain NUL characters"),
        # A library caller's str may hold a lone surrogate, which nothing can encode.
        ("order-\ud800", "must be valid Unicode text (it holds a lone surrogate)"),
    ],
)
def test_bad_references_are_refused(reference: object, message: str) -> None:
    assert errors_of(reference=reference) == {"reference": message}


def test_errors_never_echo_the_card_number_or_cvv() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate(payment_request(card_number="4242424242424242", cvv="98765"), POLICY, TODAY)
    text = repr(caught.value) + str(caught.value) + repr(caught.value.errors)
    assert "4242424242424242" not in text
    assert "98765" not in text


def test_the_request_repr_hides_the_card_number_and_cvv() -> None:
    text = repr(payment_request(card_number="4000056655665556", cvv="987"))
    assert "4000056655665556" not in text
    assert "987" not in text
