"""Idempotency keys in SQLite: a claim is an INSERT the primary key referees."""

from __future__ import annotations

import sqlite3
from typing import Any

from adapters.codec import decode_json, encode_json
from adapters.sqlite.statements import SqliteStatements
from adapters.sqlite.timestamps import from_micros, to_micros
from paycore.idempotency import FirstAnswer, IdempotencyRecord

_CLAIM = (
    "INSERT INTO idempotency_keys "
    "(merchant_id, key, request_fingerprint, payment_id, created_at, completed) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
_HOLDER = (
    "SELECT merchant_id, key, request_fingerprint, payment_id, created_at, completed, "
    "response, retry_after_seconds FROM idempotency_keys WHERE merchant_id = ? AND key = ?"
)
_COMPLETE = (
    "UPDATE idempotency_keys SET completed = 1, response = ?, retry_after_seconds = ? "
    "WHERE merchant_id = ? AND key = ?"
)


class SqliteIdempotencyStore:
    def __init__(self, statements: SqliteStatements) -> None:
        self._statements = statements

    async def claim(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        r = record
        params = (r.merchant_id, r.key, r.request_fingerprint, r.payment_id)
        values = (*params, to_micros(r.created_at), int(r.completed))

        def claim_or_find_holder(c: sqlite3.Connection) -> Any:
            if c.execute(_CLAIM, values).rowcount == 1:
                return None
            return c.execute(_HOLDER, (r.merchant_id, r.key)).fetchone()

        # A write even when the key is taken: the holder is read under the write lock.
        row = await self._statements.write(claim_or_find_holder)
        if row is None:
            return None
        merchant_id, key, fingerprint, payment_id, created_at, completed, response, retry = row
        return IdempotencyRecord(
            merchant_id,
            key,
            fingerprint,
            payment_id,
            from_micros(created_at),
            bool(completed),
            None if response is None else decode_json(response),
            retry,
        )

    async def complete(self, answer: FirstAnswer) -> None:
        a = answer
        params = (encode_json(a.response).decode(), a.retry_after_seconds, a.merchant_id, a.key)
        await self._statements.write(lambda c: c.execute(_COMPLETE, params))
