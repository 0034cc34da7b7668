"""Merchants: the gateway's customers, identified by email (their keys: api_key.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Merchant:
    id: str
    email: str
    created_at: datetime
    # A disabled merchant can neither sign in nor use the tokens it holds.
    disabled_at: datetime | None = None
