"""Idempotency keys in PostgreSQL: a claim is an INSERT the unique key referees."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from adapters.codec import decode_json, encode_json
from adapters.postgres.statements import PostgresStatements
from paycore.idempotency import FirstAnswer, IdempotencyRecord

_CLAIM = (
    "INSERT INTO idempotency_keys "
    "(merchant_id, key, request_fingerprint, payment_id, created_at, completed) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
_HOLDER = (
    "SELECT merchant_id::text, key, request_fingerprint, payment_id::text, created_at, "
    "completed, response::text, retry_after_seconds "
    "FROM idempotency_keys WHERE merchant_id = %s AND key = %s"
)
_COMPLETE = (
    "UPDATE idempotency_keys SET completed = true, response = %s::jsonb, "
    "retry_after_seconds = %s WHERE merchant_id = %s AND key = %s"
)


class PostgresIdempotencyStore:
    def __init__(self, statements: PostgresStatements) -> None:
        self._statements = statements

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        r = record
        values = (r.merchant_id, r.key, r.request_fingerprint, r.payment_id)
        # A concurrent claimer's uncommitted row makes the INSERT wait for its outcome;
        # each statement then sees a fresh snapshot (READ COMMITTED), so the SELECT finds
        # the winner. The loop covers a holder deleted in between (key expiry).
        for _ in range(3):
            cursor = await self._statements.write(_CLAIM, (*values, r.created_at, r.completed))
            if cursor.rowcount == 1:
                return None
            cursor = await self._statements.read(_HOLDER, (r.merchant_id, r.key))
            row = await cursor.fetchone()
            if row is not None:
                return _holder(row)
        raise RuntimeError(f"idempotency key {r.key!r} neither claimable nor held")

    async def complete(self, answer: FirstAnswer) -> None:
        a = answer
        snapshot = encode_json(a.response).decode()
        self._statements.stage(_COMPLETE, (snapshot, a.retry_after_seconds, a.merchant_id, a.key))


def _holder(row: tuple[Any, ...]) -> IdempotencyRecord:
    merchant_id, key, fingerprint, payment_id, created_at, completed, response, retry = row
    return IdempotencyRecord(
        merchant_id,
        key,
        fingerprint,
        payment_id,
        created_at.astimezone(UTC),
        completed,
        None if response is None else decode_json(response),
        retry,
    )
