"""Fixtures: real banksim processes (extended and --plain, healthy, hanging, down), bank
clients with short timeouts, a counting proxy, and payments to send."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from adapters.bank import BankClientConfig, HttpAcquiringBank
from paycore.bank import AuthorizationRequest
from paycore.card import CardDetails, Expiry
from paycore.money import Money
from tests.integration.bank.banksim_process import running_banksims
from tests.integration.bank.counting_observer import CountingObserver
from tests.integration.bank.proxy import BankProxy, running_proxy

HANG_SECONDS = "1.0"  # a hanging bank answers this late...
IMPATIENT = {"timeout": 0.3, "connect_timeout": 0.3}  # ...to clients that give up sooner

_BANKSIMS = {
    "extended": ["--log-level", "warning"],
    "plain": ["--plain", "--log-level", "warning"],
    "extended-hang": ["--hang-rate", "1", "--hang-seconds", HANG_SECONDS, "--log-level", "warning"],
    "plain-hang": ["--plain", "--hang-rate", "1", "--hang-seconds", HANG_SECONDS],
    "extended-down": ["--fail-rate", "1", "--log-level", "warning"],
}


@dataclass(frozen=True)
class Banksim:
    url: str
    plain: bool

    def record(self, key: str) -> httpx.Response:
        return httpx.get(f"{self.url}/payments/{key}", trust_env=False)

    def balance(self, card_number: str, currency: str = "GBP") -> int:
        answer = httpx.get(f"{self.url}/accounts/{card_number}", trust_env=False)
        answer.raise_for_status()
        return int(answer.json()["balances"][currency])


@pytest.fixture(scope="session")
def banksims() -> Iterator[dict[str, str]]:
    with running_banksims(_BANKSIMS) as urls:
        yield urls


@pytest.fixture(params=["extended", "plain"])
def banksim(request: pytest.FixtureRequest, banksims: dict[str, str]) -> Banksim:
    return Banksim(banksims[request.param], plain=request.param == "plain")


@pytest.fixture(params=["extended-hang", "plain-hang"])
def hanging_banksim(request: pytest.FixtureRequest, banksims: dict[str, str]) -> Banksim:
    return Banksim(banksims[request.param], plain=request.param.startswith("plain"))


@pytest.fixture
def extended_banksim(banksims: dict[str, str]) -> Banksim:
    return Banksim(banksims["extended"], plain=False)


BankFactory = Callable[..., HttpAcquiringBank]


@pytest.fixture
async def make_bank() -> AsyncIterator[BankFactory]:
    """Clients with test-sized timeouts; keyword arguments override the config."""
    made: list[HttpAcquiringBank] = []

    def make(
        url: str, observer: CountingObserver | None = None, **overrides: Any
    ) -> HttpAcquiringBank:
        settings: dict[str, Any] = {
            # Generous: a busy machine must not turn a healthy answer into a timeout.
            "timeout": 3.0,
            "connect_timeout": 1.0,
            "retries": 2,
            "backoff_base": 0.01,
            "backoff_max": 0.05,
            "breaker_threshold": 3,
            "breaker_reset": 0.2,
        } | overrides
        bank = HttpAcquiringBank(BankClientConfig(base_url=url, **settings), observer=observer)
        made.append(bank)
        return bank

    yield make
    for bank in made:
        await bank.aclose()


@pytest.fixture
async def proxy(extended_banksim: Banksim) -> AsyncIterator[BankProxy]:
    async with running_proxy(extended_banksim.url) as running:
        yield running


@pytest.fixture
async def plain_proxy(banksims: dict[str, str]) -> AsyncIterator[BankProxy]:
    async with running_proxy(banksims["plain"]) as running:
        yield running


def new_key() -> str:
    """A fresh id, as the gateway's payment ids are."""
    return str(uuid.uuid4())


def charge(card_number: str, amount: int = 100, key: str | None = None) -> AuthorizationRequest:
    return AuthorizationRequest(
        idempotency_key=key or new_key(),
        card=CardDetails(number=card_number, cvv="123", expiry=Expiry(4, 2030)),
        amount=Money.of_minor(amount, "GBP"),
    )
