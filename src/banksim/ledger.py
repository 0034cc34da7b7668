"""Balances of the funded test cards, in process memory: what is available, what is held.

An authorization moves money from available to held; a capture settles held money (it leaves
the account); a void releases held money back to available; a refund credits available.
"""

from __future__ import annotations

from collections.abc import Iterable

from banksim.cards import TEST_CARDS, FundedCard


class Ledger:
    """No method awaits: on the single event loop a balance check and its debit run as one
    step, so concurrent requests can never both spend the same money (no lock needed).
    Callers move only money they know is there: the authorizations keep that account."""

    def __init__(self, cards: Iterable[FundedCard] = TEST_CARDS) -> None:
        self._cards = {card.number: card for card in cards}
        self._available = {number: dict(card.balances) for number, card in self._cards.items()}
        self._held = {
            number: dict.fromkeys(card.balances, 0) for number, card in self._cards.items()
        }

    def card(self, number: str) -> FundedCard | None:
        return self._cards.get(number)

    def balances(self, number: str) -> dict[str, int] | None:
        """Available money per currency: what a new authorization can still take."""
        balances = self._available.get(number)
        return None if balances is None else dict(balances)

    def held(self, number: str) -> dict[str, int] | None:
        """Money held by authorizations not yet captured, voided or released."""
        held = self._held.get(number)
        return None if held is None else dict(held)

    def try_hold(self, number: str, currency: str, amount: int) -> bool:
        """Hold `amount` if the balance covers it; a currency the card lacks has balance 0."""
        available = self._available[number]
        remaining = available.get(currency, 0)
        if amount > remaining:
            return False
        available[currency] = remaining - amount
        self._held[number][currency] = self._held[number].get(currency, 0) + amount
        return True

    def settle(self, number: str, currency: str, amount: int) -> None:
        """A capture: held money leaves the account for good."""
        self._held[number][currency] -= amount

    def release(self, number: str, currency: str, amount: int) -> None:
        """A void, or the uncaptured rest of a hold: held money is available again."""
        self._held[number][currency] -= amount
        self._available[number][currency] += amount

    def credit(self, number: str, currency: str, amount: int) -> None:
        """A refund: captured money comes back, available at once."""
        self._available[number][currency] += amount
