"""The shapes of /v1/api_keys answers, and how a domain key becomes one."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec

from paycore.api_key import ApiKey, IssuedApiKey


class ApiKeyOut(msgspec.Struct):
    """A key as listed: never the key itself, nor its hash."""

    id: str
    prefix: str
    last4: str | None
    created_at: str
    expires_at: str | None


class NewApiKeyOut(msgspec.Struct):
    """A key just created: the only answer that ever shows `api_key`."""

    id: str
    api_key: str
    prefix: str
    last4: str | None
    created_at: str
    expires_at: str | None


class RevokedApiKeyOut(msgspec.Struct):
    id: str
    prefix: str
    last4: str | None
    created_at: str
    expires_at: str | None
    revoked_at: str


class ApiKeyListOut(msgspec.Struct):
    data: list[ApiKeyOut]
    has_more: bool


def api_key_out(key: ApiKey) -> ApiKeyOut:
    return ApiKeyOut(key.id, key.prefix, key.last4, _time(key.created_at), _maybe(key.expires_at))


def new_api_key_out(issued: IssuedApiKey) -> NewApiKeyOut:
    k = issued.key
    created, expires = _time(k.created_at), _maybe(k.expires_at)
    return NewApiKeyOut(k.id, issued.secret, k.prefix, k.last4, created, expires)


def revoked_api_key_out(key: ApiKey) -> RevokedApiKeyOut:
    assert key.revoked_at is not None
    created, expires = _time(key.created_at), _maybe(key.expires_at)
    return RevokedApiKeyOut(key.id, key.prefix, key.last4, created, expires, _time(key.revoked_at))


def _maybe(moment: datetime | None) -> str | None:
    return None if moment is None else _time(moment)


def _time(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a Z, like every other time the API answers."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
