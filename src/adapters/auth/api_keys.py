"""API keys: shown once at creation, stored only as a hash, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Secret keys, as at Stripe; keys issued before were `pk_` and keep working.
API_KEY_PREFIX = "sk_"
# Compared against when the email is unknown, so both failures take the same path.
_NO_MERCHANT_HASH = hashlib.sha256(b"no merchant has this key").hexdigest()


class Sha256ApiKeys:
    def generate(self) -> str:
        """256 random bits behind a prefix that makes a leaked key easy to recognise."""
        return API_KEY_PREFIX + secrets.token_urlsafe(32)

    def hash(self, api_key: str) -> str:
        # A fast hash suffices: the key is high-entropy, so there is nothing to brute-force.
        return hashlib.sha256(api_key.encode("utf-8", "surrogatepass")).hexdigest()

    def verify(self, api_key: str, stored_hash: str | None) -> bool:
        expected = stored_hash if stored_hash is not None else _NO_MERCHANT_HASH
        return hmac.compare_digest(self.hash(api_key), expected) and stored_hash is not None
