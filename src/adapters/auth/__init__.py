"""Merchant authentication's adapters: API keys (SHA-256), tokens (JWT, PyJWT) and a
short in-process memory of logins found signed in."""

from adapters.auth.api_keys import API_KEY_PREFIX, Sha256ApiKeys
from adapters.auth.recent_sign_ins import RecentSignIns
from adapters.auth.sign_in_broadcast import BroadcastRecentSignIns
from adapters.auth.tokens import JwtCodec, TokenSettings

__all__ = [
    "API_KEY_PREFIX",
    "BroadcastRecentSignIns",
    "JwtCodec",
    "RecentSignIns",
    "Sha256ApiKeys",
    "TokenSettings",
]
