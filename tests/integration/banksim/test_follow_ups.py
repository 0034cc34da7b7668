"""The follow-up rules in process, where HTTP cannot reach: forgotten authorizations."""

from __future__ import annotations

from banksim.action_answers import UNKNOWN_AUTHORIZATION, ActionKind
from banksim.authorizations import Authorization, Authorizations
from banksim.follow_ups import FollowUps
from banksim.ledger import Ledger

CARD = "4000000000009995"  # 10.00 in each currency


def test_past_the_limit_the_oldest_authorization_is_forgotten_and_its_hold_stays() -> None:
    ledger, authorizations = Ledger(), Authorizations(max_codes=2)
    follow_ups = FollowUps(authorizations, ledger)
    for code in ("a", "b", "c"):
        assert ledger.try_hold(CARD, "USD", 100)
        authorizations.open(code, Authorization(CARD, "USD", 100))
    assert follow_ups.apply(ActionKind.VOID, "a", None) == UNKNOWN_AUTHORIZATION
    assert follow_ups.apply(ActionKind.VOID, "c", None).http_status == 200
    assert ledger.balances(CARD) == {"USD": 800, "EUR": 1_000, "GBP": 1_000}
    assert ledger.held(CARD) == {"USD": 200, "EUR": 0, "GBP": 0}
