"""The acquiring bank over HTTP: pooled client, safe retries, circuit breaker, lookups."""

from adapters.bank.breaker import BreakerState
from adapters.bank.client import HttpAcquiringBank
from adapters.bank.config import BankClientConfig
from adapters.bank.observer import BankObserver, NullObserver

__all__ = [
    "BankClientConfig",
    "BankObserver",
    "BreakerState",
    "HttpAcquiringBank",
    "NullObserver",
]
