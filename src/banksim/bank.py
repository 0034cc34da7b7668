"""The bank's decision for one authorization: the last-digit rule and the funded accounts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import uuid4

from banksim.authorizations import Authorization, Authorizations
from banksim.cards import Behaviour
from banksim.ledger import Ledger


class Outcome(StrEnum):
    AUTHORIZED = "authorized"
    DECLINED = "declined"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class Answer:
    outcome: Outcome
    authorization_code: str = ""
    decline_reason: str | None = None
    injected: bool = False
    """A simulated outage (--fail-rate): the bank never processed the request."""

    @property
    def http_status(self) -> int:
        return 503 if self.outcome is Outcome.UNAVAILABLE else 200

    @property
    def recordable(self) -> bool:
        """Replayed under its key: every answer but an outage that processed nothing."""
        return not self.injected


DECLINED = Answer(Outcome.DECLINED)
INSUFFICIENT_FUNDS = Answer(Outcome.DECLINED, decline_reason="insufficient_funds")
UNAVAILABLE = Answer(Outcome.UNAVAILABLE)
INJECTED_OUTAGE = Answer(Outcome.UNAVAILABLE, injected=True)

_BY_LAST_DIGIT = {
    **dict.fromkeys("13579", Outcome.AUTHORIZED),
    **dict.fromkeys("2468", Outcome.DECLINED),
    "0": Outcome.UNAVAILABLE,
}


class Bank:
    """Without a ledger (plain mode) every card follows the last-digit rule; with
    `authorizations` every authorization is opened there for its follow-up actions."""

    def __init__(self, ledger: Ledger | None, authorizations: Authorizations | None = None) -> None:
        self._ledger = ledger
        self._authorizations = authorizations

    def decide(self, card_number: str, currency: str, amount: int) -> Answer:
        """`card_number` has no spaces or hyphens and ends in a digit (see wire.decode_charge)."""
        card = self._ledger.card(card_number) if self._ledger is not None else None
        if card is None or card.behaviour is Behaviour.LAST_DIGIT:
            outcome = _BY_LAST_DIGIT[card_number[-1]]
            if outcome is Outcome.DECLINED:
                return DECLINED
            if outcome is Outcome.UNAVAILABLE:
                return UNAVAILABLE
            if card is None:
                return self._authorize(None, currency, amount)
        assert self._ledger is not None
        if not self._ledger.try_hold(card_number, currency, amount):
            return INSUFFICIENT_FUNDS
        return self._authorize(card_number, currency, amount)

    def _authorize(self, funded_number: str | None, currency: str, amount: int) -> Answer:
        code = str(uuid4())
        if self._authorizations is not None:
            self._authorizations.open(code, Authorization(funded_number, currency, amount))
        return Answer(Outcome.AUTHORIZED, code)
