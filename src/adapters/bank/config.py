"""How the gateway talks to the acquiring bank: timeouts, retries, breaker, HTTP transport."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Transport = Literal["aiohttp", "httpx"]
TRANSPORTS: frozenset[str] = frozenset({"aiohttp", "httpx"})


@dataclass(frozen=True, slots=True)
class BankClientConfig:
    base_url: str
    # Seconds to wait for the bank's answer once the request is sent; past it: Unknown.
    timeout: float = 10.0
    connect_timeout: float = 2.0
    # Extra attempts, only where the bank provably did not act: refused connect, 503.
    retries: int = 2
    backoff_base: float = 0.05
    backoff_max: float = 1.0
    breaker_threshold: int = 5
    breaker_reset: float = 30.0
    # Calls let through at once when the reset time has passed; the rest still fail fast.
    breaker_half_open_probes: int = 1
    # "aiohttp" spends about a fifth of the CPU per request of httpx's own transport
    # under concurrency (encode/httpx#3215); "httpx" stays selectable.
    transport: Transport = "aiohttp"
    max_connections: int = 100

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {self.base_url!r}")
        if min(self.timeout, self.connect_timeout, self.breaker_reset) <= 0:
            raise ValueError("timeouts and breaker_reset must be positive")
        if self.retries < 0 or self.backoff_base < 0 or self.backoff_max < 0:
            raise ValueError("retries and backoff must not be negative")
        if min(self.breaker_threshold, self.breaker_half_open_probes, self.max_connections) < 1:
            raise ValueError("breaker_threshold, probes and max_connections must be >= 1")
        if self.transport not in TRANSPORTS:
            raise ValueError(f"transport must be one of {sorted(TRANSPORTS)}")

    @classmethod
    def from_env(cls, base_url: str, env: Mapping[str, str]) -> BankClientConfig:
        """Read the PAYGATE_BANK_* / PAYGATE_BREAKER_* settings of API.md section 6."""
        defaults = cls(base_url=base_url)
        return cls(
            base_url=base_url,
            timeout=float(env.get("PAYGATE_BANK_TIMEOUT", defaults.timeout)),
            retries=int(env.get("PAYGATE_BANK_RETRIES", defaults.retries)),
            breaker_threshold=int(env.get("PAYGATE_BREAKER_THRESHOLD", defaults.breaker_threshold)),
            breaker_reset=float(env.get("PAYGATE_BREAKER_RESET", defaults.breaker_reset)),
        )
