"""The funded test cards: valid numbers, the brands asked for, and a doc that matches."""

from __future__ import annotations

from pathlib import Path

from banksim.cards import TEST_CARDS, Behaviour, markdown_table

DOC = Path(__file__).resolve().parents[3] / "src" / "banksim" / "TEST_CARDS.md"


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def test_every_number_is_a_luhn_valid_14_to_19_digit_number() -> None:
    for card in TEST_CARDS:
        assert card.number.isdigit() and 14 <= len(card.number) <= 19, card.number
        assert luhn_valid(card.number), card.number


def test_the_table_covers_the_brands_currencies_and_behaviours_asked_for() -> None:
    assert {"visa", "mastercard", "amex"} <= {card.brand for card in TEST_CARDS}
    for card in TEST_CARDS:
        assert {"USD", "EUR", "GBP"} <= set(card.balances)
    funded = [card for card in TEST_CARDS if card.behaviour is Behaviour.FUNDED]
    assert any(min(card.balances.values()) >= 1_000_000 for card in funded)
    assert any(0 < min(card.balances.values()) <= 1_000 for card in funded)
    last_digits = {c.number[-1] for c in TEST_CARDS if c.behaviour is Behaviour.LAST_DIGIT}
    assert last_digits & set("13579") and last_digits & set("2468")
    assert len({card.number for card in TEST_CARDS}) == len(TEST_CARDS)


def test_the_markdown_doc_shows_the_current_table() -> None:
    assert markdown_table() in DOC.read_text()
