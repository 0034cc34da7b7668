"""How one banksim process behaves, fixed at start."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BanksimSettings:
    """Faults and mode of one simulator; `plain` turns every extension off."""

    host: str = "127.0.0.1"
    port: int = 8081
    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    fail_rate: float = 0.0
    hang_rate: float = 0.0
    hang_seconds: float = 30.0
    seed: int | None = None
    plain: bool = False
    log_level: str = "info"

    def __post_init__(self) -> None:
        for name in ("latency_ms", "jitter_ms", "hang_seconds"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")
        for name in ("fail_rate", "hang_rate"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be between 0 and 65535")

    @property
    def has_faults(self) -> bool:
        return bool(self.latency_ms or self.jitter_ms or self.fail_rate or self.hang_rate)
