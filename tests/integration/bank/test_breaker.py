"""The circuit breaker: opens on bank outages only, fails fast without calling the bank,
lets one probe through after the reset, and closes when the bank is back."""

from __future__ import annotations

import asyncio

import pytest

from adapters.bank import HttpAcquiringBank
from paycore.bank import Authorized, Declined, Unavailable
from paycore.payment import FailureReason
from tests.integration.bank.banksim_process import free_port
from tests.integration.bank.conftest import IMPATIENT, BankFactory, charge, new_key
from tests.integration.bank.counting_observer import CountingObserver
from tests.integration.bank.proxy import BankProxy, Canned

pytestmark = pytest.mark.timeout(30)

CARD = "4111111111111111"


async def wait_for_half_open(bank: HttpAcquiringBank) -> None:
    """Waits for the reset time to pass (breaker_reset is 0.2 s); asserts nothing on time."""
    for _ in range(1000):
        if bank.breaker_state == "half_open":
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the circuit never became half-open")


async def open_circuit(bank: HttpAcquiringBank, proxy: BankProxy, threshold: int) -> None:
    proxy.outage = Canned(503)
    for _ in range(threshold):
        assert await bank.authorize(charge(CARD)) == Unavailable(FailureReason.BANK_UNAVAILABLE)
    assert bank.breaker_state == "open"


async def test_the_circuit_opens_after_threshold_outages_and_fails_fast(
    proxy: BankProxy, make_bank: BankFactory
) -> None:
    observer = CountingObserver()
    bank = make_bank(proxy.url, observer, breaker_threshold=3, breaker_reset=30, retries=1)
    await open_circuit(bank, proxy, threshold=3)
    calls_to_open = len(proxy.seen)

    fast = await bank.authorize(charge(CARD))
    looked_up = await bank.lookup(new_key())

    assert len(proxy.seen) == calls_to_open == 3 * 2  # each outage: one try, one retry
    assert isinstance(fast, Unavailable) and fast.reason is FailureReason.CIRCUIT_OPEN
    assert fast.retry_after_seconds is not None and 1 <= fast.retry_after_seconds <= 30
    assert isinstance(looked_up, Unavailable) and looked_up.reason is FailureReason.CIRCUIT_OPEN
    assert observer.breaker_states == ["open"]


async def test_a_failed_probe_reopens_and_a_good_one_closes_the_circuit(
    proxy: BankProxy, make_bank: BankFactory
) -> None:
    observer = CountingObserver()
    bank = make_bank(proxy.url, observer, breaker_threshold=2, retries=0)
    await open_circuit(bank, proxy, threshold=2)

    await wait_for_half_open(bank)
    assert await bank.authorize(charge(CARD)) == Unavailable(FailureReason.BANK_UNAVAILABLE)
    assert bank.breaker_state == "open"

    await wait_for_half_open(bank)
    proxy.outage = None  # the bank recovers
    assert isinstance(await bank.authorize(charge(CARD)), Authorized)
    assert bank.breaker_state == "closed"
    assert observer.breaker_states == ["open", "half_open", "open", "half_open", "closed"]


async def test_only_one_probe_reaches_the_bank_while_half_open(
    proxy: BankProxy, make_bank: BankFactory
) -> None:
    bank = make_bank(proxy.url, breaker_threshold=1, retries=0, timeout=5)
    await open_circuit(bank, proxy, threshold=1)
    await wait_for_half_open(bank)
    proxy.outage = None
    proxy.delay_seconds = 0.3  # keeps the probe in flight while the others arrive
    before = len(proxy.seen)

    outcomes = await asyncio.gather(*(bank.authorize(charge(CARD)) for _ in range(4)))

    assert len(proxy.seen) == before + 1
    assert sum(isinstance(o, Authorized) for o in outcomes) == 1
    turned_away = [o for o in outcomes if isinstance(o, Unavailable)]
    assert [o.reason for o in turned_away] == [FailureReason.CIRCUIT_OPEN] * 3
    assert bank.breaker_state == "closed"


async def test_declines_and_client_errors_never_open_the_circuit(
    proxy: BankProxy, make_bank: BankFactory
) -> None:
    bank = make_bank(proxy.url, breaker_threshold=2)

    for _ in range(3):
        assert await bank.authorize(charge("4000000000000002")) == Declined(None)
    proxy.outage = Canned(400, b'{"error_message": "bad request"}')
    for _ in range(3):
        assert await bank.authorize(charge(CARD)) == Unavailable(FailureReason.BANK_ERROR)

    assert bank.breaker_state == "closed"


async def test_timeouts_open_the_circuit(banksims: dict[str, str], make_bank: BankFactory) -> None:
    bank = make_bank(banksims["extended-hang"], breaker_threshold=2, breaker_reset=30, **IMPATIENT)

    for _ in range(2):
        await bank.authorize(charge(CARD))

    assert bank.breaker_state == "open"


async def test_a_success_between_outages_resets_the_count(
    proxy: BankProxy, make_bank: BankFactory
) -> None:
    bank = make_bank(proxy.url, breaker_threshold=2, retries=0)

    for _ in range(3):
        proxy.script = [Canned(503)]
        await bank.authorize(charge(CARD))
        assert isinstance(await bank.authorize(charge(CARD)), Authorized)

    assert bank.breaker_state == "closed"


async def test_refused_connections_open_the_circuit(make_bank: BankFactory) -> None:
    bank = make_bank(f"http://127.0.0.1:{free_port()}", breaker_threshold=2, breaker_reset=30)

    for _ in range(2):
        assert await bank.authorize(charge(CARD)) == Unavailable(FailureReason.BANK_UNAVAILABLE)

    assert bank.breaker_state == "open"
