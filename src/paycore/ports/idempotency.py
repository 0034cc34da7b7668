"""Idempotency keys: who claimed a key, and what its first request answered."""

from __future__ import annotations

from typing import Protocol

from paycore.idempotency import FirstAnswer, IdempotencyRecord


class IdempotencyStore(Protocol):
    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        """Reserve a key: None if this call claimed it, else the record that holds it."""
        ...

    async def complete(self, answer: FirstAnswer) -> None:
        """Stage the key's first request as answered, keeping a copy of the answer: a
        replay finds it in the record's `response` and `retry_after_seconds` fields."""
        ...
