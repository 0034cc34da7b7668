"""Card numbers: normalisation, Luhn, brand, expiry, masking. Only `CardDetails` holds a PAN."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

_SEPARATORS = re.compile(r"[ \-]")
MASK_PREFIX = "**** **** **** "

# (brand, prefix ranges, allowed lengths); first match wins, so specific ranges come first.
_BRANDS: tuple[tuple[str, tuple[tuple[int, int], ...], frozenset[int]], ...] = (
    ("amex", ((34, 34), (37, 37)), frozenset({15})),
    ("discover", ((6011, 6011), (644, 649), (65, 65), (622126, 622925)), frozenset(range(16, 20))),
    ("mastercard", ((51, 55), (2221, 2720)), frozenset({16})),
    ("visa", ((4, 4),), frozenset({13, 16, 19})),
    ("jcb", ((3528, 3589),), frozenset(range(16, 20))),
    ("diners", ((300, 305), (36, 36), (38, 39)), frozenset(range(14, 20))),
    ("unionpay", ((62, 62),), frozenset(range(16, 20))),
)


def normalise_pan(raw: str) -> str:
    """Drop the spaces and hyphens people type between digit groups."""
    return _SEPARATORS.sub("", raw)


def luhn_valid(digits: str) -> bool:
    # isdigit alone admits "²" and other non-ASCII digits, which are no card number.
    if not (digits.isascii() and digits.isdigit()):
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def detect_brand(digits: str) -> str:
    for brand, ranges, lengths in _BRANDS:
        if len(digits) not in lengths:
            continue
        for low, high in ranges:
            prefix = int(digits[: len(str(low))])
            if low <= prefix <= high:
                return brand
    return "unknown"


def mask(digits: str) -> str:
    """Everything but the last four digits hidden, in a fixed shape that leaks no length."""
    return MASK_PREFIX + digits[-4:]


@dataclass(frozen=True, slots=True)
class Expiry:
    month: int
    year: int

    @property
    def last_valid_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def is_valid_on(self, today: date) -> bool:
        """A card is good through the last day of its expiry month."""
        return today <= self.last_valid_day

    def as_bank_string(self) -> str:
        return f"{self.month:02d}/{self.year:04d}"


@dataclass(frozen=True, slots=True)
class CardSummary:
    """What the gateway may keep of a card."""

    last4: str
    brand: str
    expiry: Expiry
    fingerprint: str

    @property
    def masked_number(self) -> str:
        return MASK_PREFIX + self.last4


@dataclass(frozen=True, slots=True)
class CardDetails:
    """The sensitive card data, alive only while a payment is sent to the bank."""

    number: str = field(repr=False)
    cvv: str = field(repr=False)
    expiry: Expiry

    def __repr__(self) -> str:
        return f"CardDetails(number={mask(self.number)!r}, cvv='***', expiry={self.expiry!r})"

    __str__ = __repr__
