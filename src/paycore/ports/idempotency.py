"""Idempotency keys: who claimed a key, and what its first request answered."""

from __future__ import annotations

from typing import Protocol

from paycore.idempotency import IdempotencyRecord
from paycore.payment import Payment


class IdempotencyStore(Protocol):
    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        """Reserve a key: None if this call claimed it, else the record that holds it."""
        ...

    async def complete(
        self,
        merchant_id: str,
        key: str,
        *,
        response: Payment,
        retry_after_seconds: int | None = None,
    ) -> None:
        """Stage the key's first request as answered, keeping a snapshot of the answer.

        `response` is the payment as that request returned it; the store keeps a copy
        (it holds no card data), so later changes to the payment do not reach it. A
        replay returns it, with `retry_after_seconds`, from the record's `response` and
        `retry_after_seconds` fields.
        """
        ...
