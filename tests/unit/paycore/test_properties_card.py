from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from paycore.card import MASK_PREFIX, CardDetails, Expiry, luhn_valid, mask
from tests.unit.paycore.strategies import DIGITS, PROPERTY, digit_strings, luhn_numbers


@PROPERTY
@given(luhn_numbers())
def test_every_number_with_a_computed_check_digit_passes_luhn(number: str) -> None:
    assert luhn_valid(number)


@PROPERTY
@given(luhn_numbers(), st.data())
def test_changing_any_one_digit_breaks_luhn(number: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(number) - 1), label="position")
    other = data.draw(st.sampled_from(DIGITS.replace(number[position], "")), label="digit")
    changed = number[:position] + other + number[position + 1 :]
    assert not luhn_valid(changed)


@PROPERTY
@given(digit_strings)
def test_masking_never_shows_more_than_the_last_four_digits(number: str) -> None:
    masked = mask(number)
    assert masked == MASK_PREFIX + number[-4:]
    assert [c for c in masked if c.isdigit()] == list(number[-4:])
    assert len(masked) == 19  # the same shape whatever the length: the length does not leak


@PROPERTY
@given(
    digit_strings,
    st.text(alphabet=DIGITS, min_size=3, max_size=4),
    st.integers(1, 12),
    st.integers(2000, 2099),
)
def test_card_details_show_nothing_but_the_masked_number(
    number: str, cvv: str, month: int, year: int
) -> None:
    card = CardDetails(number=number, cvv=cvv, expiry=Expiry(month, year))
    expected = f"CardDetails(number={mask(number)!r}, cvv='***', expiry={card.expiry!r})"
    assert repr(card) == expected
    assert str(card) == expected
