"""Idempotency records: which payment a merchant's key created, and for which request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class IdempotencyRecord:
    merchant_id: str
    key: str
    # A keyed hash of the canonical request, so no card data is kept to compare bodies.
    request_fingerprint: str
    payment_id: str
    created_at: datetime
    completed: bool = False
