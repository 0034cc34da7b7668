"""Fills a gateway's PostgreSQL database with payments and their idempotency records, by
COPY (not through the API: a million payments through it would take an hour here).

Half the rows are the benchmark merchant's, the rest spread over 99 others; statuses are a
plausible mix (mostly Authorized, 100 Pending for the settlement sweep to look at), times
spread over the 30 days before now. The ids of the merchant's settled payments go to a file,
one a line, for reads that miss the cache.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

_PAYMENT_COLUMNS = (
    "id, merchant_id, amount, currency, card_last4, card_brand, card_expiry_month, "
    "card_expiry_year, card_fingerprint, reference, status, authorization_code, "
    "decline_reason, failure_reason, version, created_at, updated_at, metadata"
)
_KEY_COLUMNS = "merchant_id, key, request_fingerprint, payment_id, created_at, completed"
# One in 50 Declined, one in 100 Failed, the rest Authorized; and the same number of
# Pending payments whatever the size, so the sweep has the same work on a small database
# as on a large one and its query time shows only what the table's size costs.
_PENDING_ROWS, _DECLINED, _FAILED = 100, 50, 100
_SPAN = timedelta(days=30)


def _status(i: int, rows: int) -> tuple[str, str | None, str | None, str | None]:
    if i % max(rows // _PENDING_ROWS, 1) == 0:
        return "Pending", None, None, None
    if i % _DECLINED == 0:
        return "Declined", None, "insufficient_funds", None
    if i % _FAILED == 0:
        return "Failed", None, None, "bank_unavailable"
    return "Authorized", f"A{i:07d}", None, None


def load(url: str, merchant_id: str, rows: int, ids_file: Path, *, readable: int) -> None:
    """COPY `rows` payments and as many idempotency keys; write up to `readable` ids."""
    others = [str(uuid.uuid4()) for _ in range(99)]
    start = datetime.now(UTC) - _SPAN - timedelta(hours=1)
    step = _SPAN / max(rows, 1)
    written = 0
    with psycopg.connect(url) as conn, ids_file.open("w") as ids:
        with conn.cursor() as cur:
            with cur.copy(f"COPY payments ({_PAYMENT_COLUMNS}) FROM STDIN") as payments:
                keys: list[tuple[object, ...]] = []
                for i in range(rows):
                    owner = merchant_id if i % 2 == 0 else others[i % 99]
                    payment_id = str(uuid.uuid4())
                    at = start + step * i
                    status, code, decline, failure = _status(i, rows)
                    payments.write_row(
                        (payment_id, owner, 1050, "USD", "0077", "visa", 12, 2035, "fp",
                         f"order-{i}", status, code, decline, failure, 2, at, at, "{}")
                    )  # fmt: skip
                    settled = status != "Pending"
                    keys.append((owner, f"bulk-{payment_id}", "fp", payment_id, at, settled))
                    if owner == merchant_id and settled and written < readable:
                        ids.write(payment_id + "\n")
                        written += 1
            with cur.copy(f"COPY idempotency_keys ({_KEY_COLUMNS}) FROM STDIN") as copy:
                for key in keys:
                    copy.write_row(key)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE payments")
        conn.execute("VACUUM ANALYZE idempotency_keys")
