"""Remaining balances of the funded test cards, in process memory."""

from __future__ import annotations

from collections.abc import Iterable

from banksim.cards import TEST_CARDS, FundedCard


class Ledger:
    """No method awaits: on the single event loop a balance check and its debit run as one
    step, so concurrent requests can never both spend the same money (no lock needed)."""

    def __init__(self, cards: Iterable[FundedCard] = TEST_CARDS) -> None:
        self._cards = {card.number: card for card in cards}
        self._balances = {number: dict(card.balances) for number, card in self._cards.items()}

    def card(self, number: str) -> FundedCard | None:
        return self._cards.get(number)

    def balances(self, number: str) -> dict[str, int] | None:
        balances = self._balances.get(number)
        return None if balances is None else dict(balances)

    def try_debit(self, number: str, currency: str, amount: int) -> bool:
        """Take `amount` if the balance covers it; a currency the card lacks has balance 0."""
        balances = self._balances[number]
        remaining = balances.get(currency, 0)
        if amount > remaining:
            return False
        balances[currency] = remaining - amount
        return True
