"""Where the gateway's keys come from.

Embedded mode's JWT secret is generated once and kept next to the SQLite file (0600), so a
restart keeps issued tokens valid; PostgreSQL deployments must configure their own. The
card fingerprint key defaults to one derived from the JWT secret, stable across restarts.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import replace
from pathlib import Path

from adapters.auth import TokenSettings
from entrypoints.runtime.settings import Settings, SettingsError

SECRET_FILE_NAME = "paygate.secret"  # noqa: S105 - a file name, not a secret


def with_jwt_secret(settings: Settings) -> Settings:
    if settings.jwt_secret:
        return settings
    if settings.uses_postgres:
        raise SettingsError("PAYGATE_JWT_SECRET is required with PostgreSQL")
    path = settings.sqlite_path.parent / SECRET_FILE_NAME
    return replace(settings, jwt_secret=read_or_create_secret(path))


def read_or_create_secret(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: of several processes starting at once, exactly one writes the secret.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    secret = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(secret + "\n")
    return secret


def _read_secret(path: Path) -> str:
    secret = path.read_text(encoding="utf-8").strip()
    if len(secret) < 32:
        raise SettingsError(f"{path} holds no usable secret; delete it to make a new one")
    return secret


def fingerprint_key(settings: Settings) -> bytes:
    """The configured key, else one derived from the JWT secret (stable across restarts)."""
    if settings.fingerprint_key:
        return settings.fingerprint_key.encode()
    if not settings.jwt_secret:
        raise SettingsError("PAYGATE_JWT_SECRET (or PAYGATE_FINGERPRINT_KEY) is required")
    label = b"paygate card fingerprints"
    return hmac.new(settings.jwt_secret.encode(), label, hashlib.sha256).digest()


def token_settings(settings: Settings) -> TokenSettings:
    if not settings.jwt_secret:
        raise SettingsError("PAYGATE_JWT_SECRET is required")
    return TokenSettings(secret=settings.jwt_secret)


def webhook_key(settings: Settings) -> bytes:
    """What seals endpoint secrets: PAYGATE_WEBHOOK_KEY, else the JWT secret (HKDF makes
    the AES key from either, under a label of its own)."""
    if settings.webhook_key:
        return settings.webhook_key.encode()
    if not settings.jwt_secret:
        raise SettingsError("PAYGATE_JWT_SECRET (or PAYGATE_WEBHOOK_KEY) is required")
    return settings.jwt_secret.encode()
