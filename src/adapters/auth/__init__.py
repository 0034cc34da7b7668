"""Merchant authentication: API keys, JWT access/refresh tokens, session services."""

from adapters.auth.api_keys import API_KEY_PREFIX, api_key_matches, hash_api_key, new_api_key
from adapters.auth.errors import InvalidEmail, InvalidToken, MerchantExists
from adapters.auth.registration import MerchantRegistry, NewMerchant
from adapters.auth.sessions import MerchantSessions, RefreshedSession, TokenPair
from adapters.auth.tokens import IssuedToken, JwtCodec, TokenClaims, TokenSettings, TokenType

__all__ = [
    "API_KEY_PREFIX",
    "InvalidEmail",
    "InvalidToken",
    "IssuedToken",
    "JwtCodec",
    "MerchantExists",
    "MerchantRegistry",
    "MerchantSessions",
    "NewMerchant",
    "RefreshedSession",
    "TokenClaims",
    "TokenPair",
    "TokenSettings",
    "TokenType",
    "api_key_matches",
    "hash_api_key",
    "new_api_key",
]
