"""authorize() against a real banksim: answers, safe retries, and what is never retried."""

from __future__ import annotations

import asyncio

import pytest
from structlog.testing import capture_logs

from paycore.bank import Authorized, Declined, Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.bank.banksim_process import free_port
from tests.integration.bank.conftest import IMPATIENT, BankFactory, Banksim, charge
from tests.integration.bank.counting_observer import CountingObserver
from tests.integration.bank.proxy import BankProxy, Canned

pytestmark = pytest.mark.timeout(30)

AUTHORIZED_CARD = "4111111111111111"  # last digit 1
DECLINED_CARD = "4000000000000002"  # last digit 2
UNAVAILABLE_CARD = "5105105105105100"  # last digit 0: the bank always answers 503
FUNDED_CARD = "4242424242424242"
EMPTY_CARD = "4000000000000119"  # funded with 0: insufficient_funds


async def test_an_approved_card_is_authorized_with_the_banks_code(
    banksim: Banksim, make_bank: BankFactory
) -> None:
    request = charge(AUTHORIZED_CARD)

    outcome = await make_bank(banksim.url).authorize(request)

    assert isinstance(outcome, Authorized)
    assert outcome.authorization_code
    if not banksim.plain:
        assert banksim.record(request.idempotency_key).json()["authorization_code"] == (
            outcome.authorization_code
        )


async def test_a_refused_card_is_declined(banksim: Banksim, make_bank: BankFactory) -> None:
    assert await make_bank(banksim.url).authorize(charge(DECLINED_CARD)) == Declined(None)


async def test_a_card_without_funds_is_declined_with_the_reason(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    outcome = await make_bank(extended_banksim.url).authorize(charge(EMPTY_CARD))

    assert outcome == Declined("insufficient_funds")


async def test_the_same_key_twice_charges_once(
    extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    bank = make_bank(extended_banksim.url)
    before = extended_banksim.balance(FUNDED_CARD)
    request = charge(FUNDED_CARD, amount=250)

    first = await bank.authorize(request)
    second = await bank.authorize(request)

    assert isinstance(first, Authorized)
    assert second == first
    assert extended_banksim.balance(FUNDED_CARD) == before - 250


async def test_a_503_is_retried_with_the_same_key_and_charges_once(
    proxy: BankProxy, extended_banksim: Banksim, make_bank: BankFactory
) -> None:
    proxy.script = [Canned(503), Canned(503)]
    observer = CountingObserver()
    before = extended_banksim.balance(FUNDED_CARD)
    request = charge(FUNDED_CARD, amount=300)

    outcome = await make_bank(proxy.url, observer).authorize(request)

    assert isinstance(outcome, Authorized)
    assert [seen.idempotency_key for seen in proxy.posts()] == [request.idempotency_key] * 3
    assert extended_banksim.balance(FUNDED_CARD) == before - 300
    assert observer.retries["authorize"] == 2


async def test_a_503_is_retried_against_a_plain_bank_which_sees_one_request(
    plain_proxy: BankProxy, make_bank: BankFactory
) -> None:
    plain_proxy.script = [Canned(503)]

    outcome = await make_bank(plain_proxy.url).authorize(charge(AUTHORIZED_CARD))

    assert isinstance(outcome, Authorized)
    assert len(plain_proxy.posts()) == 2  # the first one never got past the proxy


async def test_a_bank_that_keeps_answering_503_leaves_the_payment_unavailable(
    banksim: Banksim, make_bank: BankFactory
) -> None:
    observer = CountingObserver()

    outcome = await make_bank(banksim.url, observer, retries=2).authorize(charge(UNAVAILABLE_CARD))

    assert outcome == Unavailable(FailureReason.BANK_UNAVAILABLE)
    assert observer.attempts["authorize"] == 3


async def test_a_refused_connection_is_retried_then_unavailable(make_bank: BankFactory) -> None:
    observer = CountingObserver()
    closed = f"http://127.0.0.1:{free_port()}"

    outcome = await make_bank(closed, observer).authorize(charge(AUTHORIZED_CARD))

    assert outcome == Unavailable(FailureReason.BANK_UNAVAILABLE)
    assert observer.attempts["authorize"] == 3


async def test_a_timeout_after_sending_is_unknown_and_never_retried(
    hanging_banksim: Banksim, make_bank: BankFactory
) -> None:
    observer = CountingObserver()
    request = charge(AUTHORIZED_CARD)

    bank = make_bank(hanging_banksim.url, observer, **IMPATIENT)
    outcome = await bank.authorize(request)

    assert isinstance(outcome, Unknown)
    assert observer.attempts["authorize"] == 1
    if not hanging_banksim.plain:  # the bank did charge: only its answer was lost
        assert hanging_banksim.record(request.idempotency_key).json()["status"] == "authorized"


async def test_a_connection_dropped_after_sending_is_unknown_and_never_retried(
    make_bank: BankFactory,
) -> None:
    received: list[bytes] = []

    async def read_then_hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        received.append(await reader.readuntil(b"\r\n\r\n"))
        writer.close()

    server = await asyncio.start_server(read_then_hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        bank = make_bank(f"http://127.0.0.1:{port}")
        outcome = await bank.authorize(charge(AUTHORIZED_CARD))

    assert isinstance(outcome, Unknown)
    assert len(received) == 1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Canned(500, b"{}"), Unavailable(FailureReason.BANK_ERROR)),
        (Canned(502, b"<html>bad gateway</html>"), Unavailable(FailureReason.BANK_ERROR)),
        (
            Canned(400, b'{"error_message": "amount is required"}'),
            Unavailable(FailureReason.BANK_ERROR),
        ),
        (Canned(422, b"{}"), Unavailable(FailureReason.BANK_ERROR)),
    ],
)
async def test_other_errors_are_bank_errors_and_not_retried(
    proxy: BankProxy, make_bank: BankFactory, answer: Canned, expected: Unavailable
) -> None:
    proxy.script = [answer]

    outcome = await make_bank(proxy.url).authorize(charge(AUTHORIZED_CARD))

    assert outcome == expected
    assert len(proxy.posts()) == 1


@pytest.mark.parametrize("body", [b"not json", b'{"authorized": "yes"}', b"{}"])
async def test_an_unreadable_success_is_unknown_because_the_bank_may_have_charged(
    proxy: BankProxy, make_bank: BankFactory, body: bytes
) -> None:
    proxy.script = [Canned(200, body)]

    outcome = await make_bank(proxy.url).authorize(charge(AUTHORIZED_CARD))

    assert isinstance(outcome, Unknown)
    assert len(proxy.posts()) == 1


async def test_logs_carry_the_outcome_but_never_the_card_number_or_cvv(
    proxy: BankProxy, make_bank: BankFactory
) -> None:
    proxy.script = [Canned(503)]
    request = charge(FUNDED_CARD, amount=120)

    with capture_logs() as logs:
        await make_bank(proxy.url).authorize(request)

    events = [entry["event"] for entry in logs]
    assert events == ["bank.retry", "bank.authorize.outcome"]
    outcome = logs[-1]
    assert outcome["outcome"] == "authorized"
    assert outcome["attempts"] == 2
    assert outcome["card_last4"] == "4242"
    assert "latency_ms" in outcome
    text = repr(logs)
    assert FUNDED_CARD not in text
    assert "'123'" not in text and "cvv" not in text
