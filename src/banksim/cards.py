"""The funded test accounts: well-known Luhn-valid test numbers with balances per currency.

Cards listed here replace the last-digit rule by their `behaviour`; every other card number
follows the base contract (odd last digit: authorized, even: declined, 0: unavailable).
TEST_CARDS.md is rendered from this table by `markdown_table()` and checked by a test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Behaviour(StrEnum):
    FUNDED = "funded"
    """Authorized whenever the balance covers the amount, whatever the last digit."""
    LAST_DIGIT = "last_digit"
    """The base last-digit rule; an authorization also needs (and takes) balance."""


@dataclass(frozen=True, slots=True)
class FundedCard:
    number: str
    brand: str
    balances: Mapping[str, int]
    behaviour: Behaviour
    note: str


def _each(amount: int) -> Mapping[str, int]:
    return MappingProxyType({"USD": amount, "EUR": amount, "GBP": amount})


_F, _L = Behaviour.FUNDED, Behaviour.LAST_DIGIT
TEST_CARDS: tuple[FundedCard, ...] = (
    FundedCard("4242424242424242", "visa", _each(100_000_000), _F, "demo card, large balance"),
    FundedCard("4000056655665556", "visa", _each(5_000_000), _F, "visa debit"),
    FundedCard("5555555555554444", "mastercard", _each(100_000_000), _F, "large balance"),
    FundedCard("2223003122003222", "mastercard", _each(5_000_000), _F, "2-series"),
    FundedCard(
        "378282246310005",
        "amex",
        MappingProxyType({"USD": 100_000_000, "EUR": 50_000_000, "GBP": 50_000_000}),
        _F,
        "15 digits",
    ),
    FundedCard("371449635398431", "amex", _each(5_000_000), _F, "15 digits"),
    FundedCard("6011111111111117", "discover", _each(5_000_000), _F, "16 digits"),
    FundedCard("36227206271667", "diners", _each(5_000_000), _F, "14 digits"),
    FundedCard("6205500000000000004", "unionpay", _each(5_000_000), _F, "19 digits"),
    FundedCard("4000000000009995", "visa", _each(1_000), _F, "low balance"),
    FundedCard("4000000000000119", "visa", _each(0), _F, "empty: always `insufficient_funds`"),
    FundedCard("4111111111111111", "visa", _each(5_000_000), _L, "ends in 1: authorized"),
    FundedCard("4012888888881881", "visa", _each(5_000_000), _L, "ends in 1: authorized"),
    FundedCard("4000000000000002", "visa", _each(5_000_000), _L, "ends in 2: declined"),
    FundedCard("5454545454545454", "mastercard", _each(5_000_000), _L, "ends in 4: declined"),
    FundedCard("5105105105105100", "mastercard", _each(5_000_000), _L, "ends in 0: 503"),
)


def _money(minor: int) -> str:
    return f"{minor // 100:,}.{minor % 100:02d}"


_RULES = {
    Behaviour.FUNDED: "authorized up to the balance, whatever the last digit",
    Behaviour.LAST_DIGIT: "last-digit rule; authorizing also needs balance",
}


def markdown_table(cards: tuple[FundedCard, ...] = TEST_CARDS) -> str:
    """The table of TEST_CARDS.md; balances in major units."""
    lines = [
        "| card number | brand | USD | EUR | GBP | behaviour | note |",
        "|---|---|--:|--:|--:|---|---|",
    ]
    for card in cards:
        usd, eur, gbp = (_money(card.balances.get(code, 0)) for code in ("USD", "EUR", "GBP"))
        rule = _RULES[card.behaviour]
        lines.append(
            f"| `{card.number}` | {card.brand} | {usd} | {eur} | {gbp} | {rule} | {card.note} |"
        )
    return "\n".join(lines) + "\n"
