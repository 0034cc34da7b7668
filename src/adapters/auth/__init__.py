"""Merchant authentication's adapters: API keys (SHA-256) and tokens (JWT, PyJWT)."""

from adapters.auth.api_keys import API_KEY_PREFIX, Sha256ApiKeys
from adapters.auth.tokens import JwtCodec, TokenSettings

__all__ = ["API_KEY_PREFIX", "JwtCodec", "Sha256ApiKeys", "TokenSettings"]
