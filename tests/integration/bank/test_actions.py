"""capture(), void(), refund() and lookup_action() against real banksim processes."""

from __future__ import annotations

import pytest

from adapters.bank import HttpAcquiringBank
from paycore.acquirer_actions import ActionRefused, ActionRequest, ActionSucceeded
from paycore.bank import Authorized, LookupUnsupported, NotFound, Unavailable, Unknown
from paycore.money import Money
from paycore.payment import FailureReason
from tests.integration.bank.conftest import IMPATIENT, BankFactory, Banksim, charge, new_key
from tests.integration.bank.counting_observer import CountingObserver

pytestmark = pytest.mark.timeout(30)

FUNDED_CARD = "5555555555554444"
ODD_CARD = "4111111111111111"  # authorized by a plain bank too (an odd last digit)


async def authorization_code(
    bank: HttpAcquiringBank, amount: int = 500, card: str = FUNDED_CARD
) -> str:
    outcome = await bank.authorize(charge(card, amount))
    assert isinstance(outcome, Authorized)
    return outcome.authorization_code


def action(code: str | None, amount: int = 500, action_id: str | None = None) -> ActionRequest:
    return ActionRequest(
        action_id=action_id or new_key(),
        payment_id=new_key(),
        authorization_code=code,
        amount=Money.of_minor(amount, "GBP"),
    )


@pytest.fixture
def extended(extended_banksim: Banksim, make_bank: BankFactory) -> HttpAcquiringBank:
    return make_bank(extended_banksim.url)


async def test_partial_captures_a_refund_and_a_void_succeed(extended: HttpAcquiringBank) -> None:
    code = await authorization_code(extended)
    assert extended.supports_actions
    assert await extended.capture(action(code, 200)) == ActionSucceeded()
    assert await extended.capture(action(code, 300)) == ActionSucceeded()
    assert await extended.refund(action(code, 500)) == ActionSucceeded()
    assert await extended.void(action(await authorization_code(extended))) == ActionSucceeded()


async def test_refusals_carry_the_banks_code_and_never_trip_the_breaker(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    observer = CountingObserver()
    bank = make_bank(extended_banksim.url, observer)
    code = await authorization_code(bank)

    refusals = [
        await bank.capture(action(code, 501)),
        await bank.refund(action(code, 100)),
        await bank.capture(action(code, 100)),  # succeeds; the void below is then refused
        await bank.void(action(code)),
        await bank.capture(action("no-such-authorization", 100)),
    ]

    assert refusals == [
        ActionRefused("amount_exceeds_authorization"),
        ActionRefused("nothing_captured"),
        ActionSucceeded(),
        ActionRefused("already_captured"),
        ActionRefused("unknown_authorization"),
    ]
    assert bank.breaker_state == "closed"  # four refusals, breaker threshold 3
    assert observer.outcomes[("capture", "refused")] == 2
    assert observer.attempts["capture"] == 3  # a refusal is never repeated


async def test_a_bank_in_outage_is_unavailable_after_the_retries(
    banksims: dict[str, str], make_bank: BankFactory
) -> None:
    observer = CountingObserver()
    bank = make_bank(banksims["extended-down"], observer, retries=2)

    outcome = await bank.capture(action("any-code"))

    assert outcome == Unavailable(FailureReason.BANK_UNAVAILABLE)
    assert observer.attempts["capture"] == 3
    assert observer.retries["capture"] == 2


async def test_an_answer_held_back_is_unknown_and_the_lookup_tells(
    banksims: dict[str, str], make_bank: BankFactory
) -> None:
    hanging = banksims["extended-hang"]
    code = await authorization_code(make_bank(hanging))  # patient: waits the hang out
    impatient = make_bank(hanging, **IMPATIENT)
    capture = action(code)

    outcome = await impatient.capture(capture)

    assert isinstance(outcome, Unknown)
    assert await impatient.lookup_action(capture.action_id) == ActionSucceeded()


async def test_a_lookup_returns_the_recorded_refusal_or_not_found(
    extended: HttpAcquiringBank,
) -> None:
    refund = action(await authorization_code(extended))
    assert await extended.refund(refund) == ActionRefused("nothing_captured")

    assert await extended.lookup_action(refund.action_id) == ActionRefused("nothing_captured")
    assert await extended.lookup_action(new_key()) == NotFound()


async def test_one_key_sent_twice_is_applied_once(
    extended_banksim: Banksim, extended: HttpAcquiringBank
) -> None:
    code = await authorization_code(extended, 500)
    assert await extended.capture(action(code, 500)) == ActionSucceeded()
    before = extended_banksim.balance(FUNDED_CARD)
    refund = action(code, 200)

    answers = [await extended.refund(refund), await extended.refund(refund)]

    assert answers == [ActionSucceeded(), ActionSucceeded()]
    assert extended_banksim.balance(FUNDED_CARD) == before + 200


async def test_a_plain_bank_turns_actions_off_for_the_process(
    banksims: dict[str, str], make_bank: BankFactory
) -> None:
    bank = make_bank(banksims["plain"])
    code = await authorization_code(bank, card=ODD_CARD)
    assert bank.supports_actions

    outcome = await bank.capture(action(code))

    # Nothing moved at a bank without the route; every later action is refused up front.
    assert outcome == Unavailable(FailureReason.BANK_ERROR)
    assert not bank.supports_actions
    assert await bank.lookup_action(new_key()) == LookupUnsupported()
    assert bank.breaker_state == "closed"


async def test_actions_can_be_switched_off_by_configuration(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    assert not make_bank(extended_banksim.url, actions=False).supports_actions
