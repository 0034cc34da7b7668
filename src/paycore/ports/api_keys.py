"""A merchant's API keys, staged in a unit of work like every other write."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from paycore.api_key import ApiKey


class ApiKeyRepository(Protocol):
    async def add(self, key: ApiKey) -> None:
        """Stage a new key."""
        ...

    async def active_for(self, merchant_id: str, now: datetime) -> list[ApiKey]:
        """The merchant's keys active at `now` (neither revoked nor expired), oldest first."""
        ...

    async def active_for_email(self, email: str, now: datetime) -> list[ApiKey]:
        """The active keys of the merchant with this email (case-insensitive), unless it is
        disabled; one read whether or not anyone has the email."""
        ...

    async def revoke(self, key_id: str, at: datetime) -> None:
        """Stage the key's revocation at `at`."""
        ...

    async def expire(self, key_id: str, at: datetime) -> None:
        """Stage the key to stop working at `at`, unless it expires earlier already."""
        ...
