"""Hypothesis strategies and settings shared by the property tests."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

from tests.unit.paycore.cards import check_digit

# Bounded so the suite stays quick on a busy 2-core machine; deadline off for slow CI.
PROPERTY = settings(max_examples=150, deadline=None)

DIGITS = "0123456789"


@st.composite
def luhn_numbers(draw: st.DrawFn, min_size: int = 14, max_size: int = 19) -> str:
    """Random digits with a computed check digit: valid whatever the brand."""
    body = draw(st.text(alphabet=DIGITS, min_size=min_size - 1, max_size=max_size - 1))
    return body + check_digit(body)


digit_strings = st.text(alphabet=DIGITS, min_size=14, max_size=19)
