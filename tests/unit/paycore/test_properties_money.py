from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycore import Money
from paycore.errors import InvalidAmount
from tests.unit.paycore.strategies import PROPERTY

# One currency per ISO 4217 exponent.
CODES = {0: "JPY", 2: "USD", 3: "KWD", 4: "CLF"}
codes = st.sampled_from(sorted(CODES.values()))
# Up to 30 major digits, the most `from_major` accepts.
minors = st.integers(-(10**30), 10**30)


@PROPERTY
@given(minors, codes)
def test_minor_to_major_and_back_is_exact(minor: int, code: str) -> None:
    money = Money.of_minor(minor, code)
    major = money.to_major()
    assert major.as_tuple().exponent == -money.currency.exponent
    assert Money.from_major(major, code) == money
    assert Money.from_major(str(major), code) == money
    assert str(money) == f"{major} {code}"


@PROPERTY
@given(st.integers(-(10**30), 10**30), st.sampled_from(sorted(CODES)))
def test_major_with_at_most_the_currency_places_converts_exactly(units: int, exponent: int) -> None:
    major = Decimal(f"{units}E-{exponent}")
    money = Money.from_major(major, CODES[exponent])
    assert money.minor == units
    assert money.to_major() == major


@PROPERTY
@given(st.integers(1, 10**30).filter(lambda n: n % 10), st.sampled_from(sorted(CODES)))
def test_one_decimal_place_too_many_is_refused(units: int, exponent: int) -> None:
    with pytest.raises(InvalidAmount):
        Money.from_major(Decimal(f"{units}E-{exponent + 1}"), CODES[exponent])
