"""Merchants: the gateway's customers, identified by email and a hashed API key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Merchant:
    id: str
    email: str
    api_key_hash: str
    created_at: datetime
