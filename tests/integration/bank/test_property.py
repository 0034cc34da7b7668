"""Whatever faults the bank injects, a payment is charged at most once and, once settled
against a bank that answers lookups, ends in exactly one terminal state that agrees with
the bank's own record and balances."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from adapters.bank import BankClientConfig, HttpAcquiringBank
from banksim.settings import BanksimSettings
from paycore.payment import Payment, PaymentStatus
from tests.integration.bank.banksim_inprocess import serving_banksim
from tests.integration.bank.gateway import Gateway

pytestmark = pytest.mark.timeout(120)

FUNDED = ("4000000000009995", "4242424242424242", "4111111111111111")  # balances kept
CARDS = (*FUNDED, "4000000000000002", "5105105105105100")  # + declined, + always 503


@dataclass(frozen=True)
class Faults:
    fail_rate: float
    hang_rate: float
    seed: int


faults = st.builds(
    Faults,
    fail_rate=st.sampled_from([0.0, 0.2, 0.5, 0.8]),
    hang_rate=st.sampled_from([0.0, 0.2, 0.5]),
    seed=st.integers(0, 2**16),
)
payments = st.lists(st.tuples(st.sampled_from(CARDS), st.integers(1, 600)), min_size=1, max_size=6)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faults=faults, payments=payments, concurrent=st.booleans())
def test_each_payment_is_charged_at_most_once_and_settles_once(
    faults: Faults, payments: list[tuple[str, int]], concurrent: bool
) -> None:
    asyncio.run(_scenario(faults, payments, concurrent))


async def _scenario(faults: Faults, payments: list[tuple[str, int]], concurrent: bool) -> None:
    simulator = BanksimSettings(
        port=0, fail_rate=faults.fail_rate, hang_rate=faults.hang_rate, hang_seconds=0.4,
        seed=faults.seed, log_level="warning",
    )  # fmt: skip
    async with serving_banksim(simulator) as url, httpx.AsyncClient(base_url=url) as bank_view:
        faulty = _client(url, timeout=0.15)
        # Lookups are never faulted by banksim: settlement talks to a healthy bank.
        lookups = _client(url, timeout=5.0)
        try:
            gateway = Gateway(bank=faulty, lookups=lookups)
            before = {card: await _balance(bank_view, card) for card in FUNDED}
            calls = [gateway.pay(card, amount) for card, amount in payments]
            if concurrent:
                results = await asyncio.gather(*calls)
            else:
                results = [await call for call in calls]
            for result in results:  # --hypothesis-show-statistics shows what was exercised
                event(f"before settlement: {result.payment.status}")
            await gateway.settle_after(timedelta(minutes=1))

            settled = [gateway.stored(result.payment.id) for result in results]
            for payment in settled:
                assert payment.status.is_terminal, payment
                event(f"settled: {payment.status} {payment.failure_reason or ''}")
                await _agrees_with_the_banks_record(bank_view, payment)
            for card in FUNDED:
                charged = sum(
                    p.amount.minor
                    for p, (number, _) in zip(settled, payments, strict=True)
                    if number == card and p.status is PaymentStatus.AUTHORIZED
                )
                assert await _balance(bank_view, card) == before[card] - charged
        finally:
            await faulty.aclose()
            await lookups.aclose()


def _client(url: str, timeout: float) -> HttpAcquiringBank:
    config = BankClientConfig(
        base_url=url, timeout=timeout, connect_timeout=timeout, retries=2,
        backoff_base=0.005, backoff_max=0.02, breaker_threshold=4, breaker_reset=0.1,
    )  # fmt: skip
    return HttpAcquiringBank(config)


async def _balance(bank: httpx.AsyncClient, card: str) -> int:
    answer = await bank.get(f"/accounts/{card}")
    return int(answer.json()["balances"]["GBP"])


async def _agrees_with_the_banks_record(bank: httpx.AsyncClient, payment: Payment) -> None:
    answer = await bank.get(f"/payments/{payment.id}")
    record = answer.json() if answer.status_code == 200 else {"status": "never seen"}
    match payment.status:
        case PaymentStatus.AUTHORIZED:
            assert record["status"] == "authorized"
            assert record["authorization_code"] == payment.authorization_code
        case PaymentStatus.DECLINED:
            assert record["status"] == "declined"
        case _:
            assert record["status"] in {"never seen", "unavailable"}, (payment, record)
