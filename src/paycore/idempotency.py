"""Idempotency records: which payment a merchant's key created, for which request, and
what the first request answered (so a replay answers the same, whatever happened since)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from paycore.payment import Payment


@dataclass(frozen=True, slots=True)
class IdempotencyRecord:
    merchant_id: str
    key: str
    # A keyed hash of the canonical request, so no card data is kept to compare bodies.
    request_fingerprint: str
    payment_id: str
    created_at: datetime
    completed: bool = False
    # The payment as the first request returned it: a copy that later changes (a Pending
    # payment settled by the sweep) do not touch. None until completed, and for records
    # completed before snapshots were kept.
    response: Payment | None = None
    # The Retry-After the first request answered with, if any.
    retry_after_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class FirstAnswer:
    """What the first request with a merchant's key answered: every replay answers it.

    `response` is the payment as that request returned it; a store keeps a copy (it holds
    no card data), so later changes to the payment do not reach it.
    """

    merchant_id: str
    key: str
    response: Payment
    retry_after_seconds: int | None = None
