"""A merchant's secret API keys: several may be active at once (a rotation's overlap), each
stored only as a hash with what identifies it to a person (its prefix and last four)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: str
    merchant_id: str
    hash: str
    prefix: str
    # None for keys issued before keys were listed: only their hash was ever kept.
    last4: str | None
    created_at: datetime
    expires_at: datetime | None = None
    revoked_at: datetime | None = None

    def active_at(self, now: datetime) -> bool:
        """Whether the key still opens logins (and its logins still work) at `now`."""
        if self.revoked_at is not None and self.revoked_at <= now:
            return False
        return self.expires_at is None or now < self.expires_at


@dataclass(frozen=True, slots=True)
class IssuedApiKey:
    """A key just made: the secret itself is known only here, once."""

    key: ApiKey
    secret: str
