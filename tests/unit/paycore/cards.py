"""Card numbers for tests, built rather than memorised."""

from __future__ import annotations


def check_digit(body: str) -> str:
    """The Luhn digit that makes `body + digit` valid."""
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char)
        if position % 2 == 0:  # these get doubled once the check digit is appended
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return str(-total % 10)


def card_number(prefix: str, length: int, filler: str = "0") -> str:
    """A Luhn-valid number of `length` digits that starts with `prefix`."""
    body = prefix + filler * (length - len(prefix) - 1)
    return body + check_digit(body)
