"""Strategies for whole payment requests: valid ones, and ones with named fields broken."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from paycore import FailureReason
from paycore.bank import Authorized, BankOutcome, Declined, Unavailable, Unknown
from paycore.validation import DEFAULT_CURRENCIES, DEFAULT_MAX_AMOUNT
from tests.unit.paycore.gateway import payment_request
from tests.unit.paycore.strategies import DIGITS, luhn_numbers

# The gateway's ManualClock starts on 2026-01-15: every year from 2026 is unexpired.
FIRST_VALID_YEAR = 2026


@st.composite
def typed_card_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(what the client typed, the digits): groups of four split by a space or a hyphen."""
    digits = draw(luhn_numbers())
    separator = draw(st.sampled_from(["", " ", "-"]))
    typed = separator.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return typed, digits


cvvs = st.text(alphabet=DIGITS, min_size=3, max_size=4) | st.integers(100, 9999)
years = st.integers(FIRST_VALID_YEAR, 2099) | st.integers(FIRST_VALID_YEAR - 2000, 99)
currencies = st.sampled_from(sorted(DEFAULT_CURRENCIES))
bank_outcomes: st.SearchStrategy[BankOutcome | None] = st.one_of(
    st.none(),  # the simulator's rule: odd last digit authorized, even declined
    st.builds(Authorized, st.text(min_size=1, max_size=20)),
    st.builds(Declined, st.none() | st.sampled_from(["insufficient_funds", "do_not_honour"])),
    st.builds(Unavailable, st.sampled_from(FailureReason), st.none() | st.integers(1, 60)),
    st.just(Unknown("timed out")),
)


@st.composite
def valid_requests(draw: st.DrawFn) -> dict[str, Any]:
    typed, digits = draw(typed_card_numbers())
    fields: dict[str, Any] = {
        "card_number": typed,
        "expiry_month": draw(st.integers(1, 12)),
        "expiry_year": draw(years),
        "cvv": draw(cvvs),
        "currency": draw(currencies),
        "reference": draw(
            st.none()
            | st.text(
                st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=100
            )
        ),
    }
    if draw(st.booleans()):
        fields["amount"] = draw(st.integers(1, DEFAULT_MAX_AMOUNT))
    else:
        cents = draw(st.integers(1, DEFAULT_MAX_AMOUNT))
        fields["amount"] = f"{cents // 100}.{cents % 100:02d}"
        fields["amount_unit"] = "major"
    fields["pan"] = digits  # for the test to look for; not a request field
    return fields


ANYTHING_ELSE = st.none() | st.booleans() | st.floats(allow_nan=False) | st.lists(st.integers())
BROKEN: dict[str, st.SearchStrategy[object]] = {
    "card_number": st.one_of(
        st.integers(),
        st.text(alphabet=DIGITS, max_size=13),
        st.text(alphabet=DIGITS, min_size=20, max_size=30),
        luhn_numbers().map(lambda n: n[:-1] + str((int(n[-1]) + 1) % 10)),
        st.text(alphabet="abcxyz+_./", min_size=1, max_size=19),
        ANYTHING_ELSE,
    ),
    "expiry_month": st.integers().filter(lambda m: not 1 <= m <= 12) | ANYTHING_ELSE | st.text(),
    "expiry_year": st.one_of(
        st.integers().filter(lambda y: not (0 <= y <= 99 or 1000 <= y <= 9999)),
        ANYTHING_ELSE,
        st.text(),
    ),
    "cvv": st.one_of(
        st.text(alphabet=DIGITS, max_size=2),
        st.text(alphabet=DIGITS, min_size=5, max_size=8),
        st.integers().filter(lambda c: not 100 <= c <= 9999),
        st.text(alphabet="abc ", min_size=3, max_size=4),
        ANYTHING_ELSE,
    ),
    "amount": st.one_of(
        st.integers(max_value=0),
        st.integers(min_value=DEFAULT_MAX_AMOUNT + 1),
        st.text(),
        ANYTHING_ELSE,
    ),
    "currency": st.text(max_size=5).filter(lambda c: c not in DEFAULT_CURRENCIES) | ANYTHING_ELSE,
    "reference": st.text(min_size=101, max_size=200) | st.integers() | st.lists(st.text()),
}
# The expiry is only judged once month and year are both well-formed.
EXPIRED_YEARS = st.integers(1000, FIRST_VALID_YEAR - 1) | st.integers(0, FIRST_VALID_YEAR - 2001)


@st.composite
def invalid_requests(draw: st.DrawFn) -> tuple[Any, set[str]]:
    """A request with at least one broken field, and the names of the broken fields."""
    broken = draw(st.sets(st.sampled_from(sorted(BROKEN)), min_size=1))
    fields = {name: draw(BROKEN[name], label=name) for name in sorted(broken)}
    if "expiry_month" not in broken and "expiry_year" not in broken and draw(st.booleans()):
        fields["expiry_year"] = draw(EXPIRED_YEARS, label="expired year")
        broken.add("expiry_year")
    return payment_request(**fields), broken
