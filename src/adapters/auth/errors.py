"""Authentication failures: all of them are invalid credentials to the outside world."""

from __future__ import annotations

from paycore.errors import InvalidCredentials, PaycoreError


class InvalidToken(InvalidCredentials):
    """A bearer token that is missing, forged, of the wrong type, expired or revoked."""


class MerchantExists(PaycoreError):
    """A merchant with this email is already registered."""


class InvalidEmail(PaycoreError):
    """Not something that looks like an email address."""
