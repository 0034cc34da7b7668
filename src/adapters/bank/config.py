"""How the gateway talks to the acquiring bank: timeouts, retries, breaker, pool size."""

from __future__ import annotations

from dataclasses import dataclass


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
    max_connections: int = 100
    # False for a bank that can only authorize (no capture, void or refund routes).
    actions: bool = True

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {self.base_url!r}")
        if min(self.timeout, self.connect_timeout, self.breaker_reset) <= 0:
            raise ValueError("timeouts and breaker_reset must be positive")
        if self.retries < 0 or self.backoff_base < 0 or self.backoff_max < 0:
            raise ValueError("retries and backoff must not be negative")
        if min(self.breaker_threshold, self.breaker_half_open_probes, self.max_connections) < 1:
            raise ValueError("breaker_threshold, probes and max_connections must be >= 1")
