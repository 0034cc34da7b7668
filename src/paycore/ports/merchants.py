"""Merchants, by id and by email."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from paycore.merchant import Merchant


class MerchantRepository(Protocol):
    async def add(self, merchant: Merchant) -> None:
        """Stage a new merchant; the email must be unused (ValueError at once if not)."""
        ...

    async def get(self, merchant_id: str) -> Merchant | None:
        """The merchant with this id, or None."""
        ...

    async def get_by_email(self, email: str) -> Merchant | None:
        """The merchant with this email (case-insensitive), or None."""
        ...

    async def get_signed_in(
        self, merchant_id: str, login_id: str, now: datetime
    ) -> Merchant | None:
        """The merchant, unless it is gone or disabled, that login's tokens were revoked, or
        the API key that opened the login is revoked or expired at `now`: one read."""
        ...

    async def disable(self, merchant_id: str, at: datetime) -> None:
        """Stage the merchant's disabling at `at` (a disabled one stays disabled)."""
        ...
