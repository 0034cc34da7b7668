"""Refresh tokens are remembered by id so each works once and reuse revokes the family."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RefreshToken:
    jti: str
    # Every token rotated from one login shares the family id of the first.
    family_id: str
    merchant_id: str
    expires_at: datetime
    used: bool = False
    revoked: bool = False
    # The API key that opened the login: revoking or expiring it ends the login.
    api_key_id: str | None = None
