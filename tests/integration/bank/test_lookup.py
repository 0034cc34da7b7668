"""lookup(): what the bank did with an earlier request, or why it cannot tell."""

from __future__ import annotations

import pytest

from paycore.bank import (
    Declined,
    LookupUnsupported,
    NotFound,
    Unavailable,
    Unknown,
)
from paycore.payment import FailureReason
from tests.integration.bank.banksim_process import free_port
from tests.integration.bank.conftest import BankFactory, Banksim, charge, new_key
from tests.integration.bank.proxy import BankProxy, Canned

pytestmark = pytest.mark.timeout(30)


async def test_a_lookup_returns_the_recorded_authorization(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    bank = make_bank(extended_banksim.url)
    request = charge("4111111111111111")
    authorized = await bank.authorize(request)

    assert await bank.lookup(request.idempotency_key) == authorized


async def test_a_lookup_returns_the_recorded_decline_with_its_reason(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    bank = make_bank(extended_banksim.url)
    request = charge("4000000000000119")
    await bank.authorize(request)

    assert await bank.lookup(request.idempotency_key) == Declined("insufficient_funds")


async def test_a_key_the_bank_never_saw_is_not_found(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    assert await make_bank(extended_banksim.url).lookup(new_key()) == NotFound()


async def test_the_simulator_answers_a_key_it_never_saw_as_the_contract_says(
    extended_banksim: Banksim, banksims: dict[str, str]
) -> None:
    answer = extended_banksim.record(new_key())
    assert answer.status_code == 404
    assert answer.json() == {"error_message": "unknown idempotency key", "code": "unknown_key"}
    # Without the lookup route (--plain) the 404 is the framework's, with no error_message.
    plain = Banksim(banksims["plain"], plain=True).record(new_key())
    assert plain.status_code == 404 and "error_message" not in plain.json()


async def test_a_recorded_503_means_nothing_was_charged(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    bank = make_bank(extended_banksim.url, retries=0)
    request = charge("5105105105105100")  # the bank records an "unavailable" answer
    await bank.authorize(request)

    assert extended_banksim.record(request.idempotency_key).json() == {"status": "unavailable"}
    assert await bank.lookup(request.idempotency_key) == NotFound()


async def test_a_plain_bank_cannot_look_up(
    banksims: dict[str, str], make_bank: BankFactory
) -> None:
    bank = make_bank(banksims["plain"])
    request = charge("4111111111111111")
    await bank.authorize(request)

    assert await bank.lookup(request.idempotency_key) == LookupUnsupported()


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # The contract's "404 if never seen": any JSON object with error_message.
        (Canned(404, b'{"error_message": "unknown key"}'), NotFound()),
        (Canned(404, b'{"error_message": "not found", "code": "whatever"}'), NotFound()),
        # No lookup route: a framework's own 404, a bare one, a 405, a 200 with no record.
        (Canned(404, b"Not Found"), LookupUnsupported()),
        (Canned(404, b'{"status_code": 404, "detail": "Not Found"}'), LookupUnsupported()),
        (Canned(404, b'["error_message"]'), LookupUnsupported()),
        (Canned(405, b""), LookupUnsupported()),
        (Canned(501, b"{}"), LookupUnsupported()),
        (Canned(200, b"{}"), LookupUnsupported()),
        (Canned(200, b"<html>Not a lookup</html>"), LookupUnsupported()),
        (Canned(200, b'{"status": "ok"}'), LookupUnsupported()),
        (Canned(500, b"{}"), Unavailable(FailureReason.BANK_ERROR)),
        (
            Canned(200, b'{"authorized": true}'),
            Unknown("unreadable 200 lookup answer from the bank"),
        ),
    ],
)
async def test_lookup_answers_map_to_outcomes(
    proxy: BankProxy, make_bank: BankFactory, answer: Canned, expected: object
) -> None:
    proxy.script = [answer]

    assert await make_bank(proxy.url).lookup(new_key()) == expected
    assert len(proxy.seen) == 1


async def test_a_lookup_retries_a_503(proxy: BankProxy, make_bank: BankFactory) -> None:
    bank = make_bank(proxy.url)
    request = charge("4111111111111111")
    authorized = await bank.authorize(request)
    proxy.script = [Canned(503)]

    assert await bank.lookup(request.idempotency_key) == authorized
    assert [seen.method for seen in proxy.seen] == ["POST", "GET", "GET"]


async def test_a_lookup_of_an_unreachable_bank_is_inconclusive(make_bank: BankFactory) -> None:
    bank = make_bank(f"http://127.0.0.1:{free_port()}")

    assert await bank.lookup(new_key()) == Unavailable(FailureReason.BANK_UNAVAILABLE)


async def test_a_key_is_sent_escaped_in_the_path(proxy: BankProxy, make_bank: BankFactory) -> None:
    assert await make_bank(proxy.url).lookup("a b?c#d") == NotFound()
    assert proxy.seen[0].path == "/payments/a%20b%3Fc%23d"
