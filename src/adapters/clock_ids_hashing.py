"""The real clock, id generator and keyed-hash fingerprinter."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

import uuid_utils


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class Uuid7Generator:
    """Time-ordered ids keep B-tree inserts at the right edge of the index."""

    def new_id(self) -> str:
        return str(uuid_utils.uuid7())


class HmacFingerprinter:
    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the fingerprint key must be at least 16 bytes")
        self._key = key

    def fingerprint(self, data: bytes) -> str:
        return hmac.new(self._key, data, hashlib.sha256).hexdigest()
