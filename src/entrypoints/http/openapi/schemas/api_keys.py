"""The bodies of /v1/api_keys."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, obj, ref, string

_TIME = {"type": "string", "format": "date-time", "examples": ["2026-12-01T22:18:36.237Z"]}
_FIELDS: Json = {
    "id": string("The key's id: DELETE /v1/api_keys/{id} revokes it"),
    "prefix": string("The key's kind: `sk_` (keys issued before: `pk_`)", examples=["sk_"]),
    "last4": {
        "type": ["string", "null"],
        "description": "The key's last four characters (null for keys issued before keys "
        "were listed: only their hash was ever kept)",
        "examples": ["Qx7a"],
    },
    "created_at": _TIME | {"description": "When the key was issued (UTC)"},
    "expires_at": {
        "type": ["string", "null"],
        "format": "date-time",
        "description": "When the key stops working (a rotation's overlap); null: never",
    },
}

API_KEY_SCHEMAS: dict[str, Json] = {
    "ApiKey": obj("An API key as listed: never the key itself, nor its hash", _FIELDS),
    "NewApiKey": obj(
        "A key just created; `api_key` is shown in this answer only",
        {
            "id": _FIELDS["id"],
            "api_key": string("The secret key: keep it now, it is stored only as a hash"),
        }
        | {name: value for name, value in _FIELDS.items() if name != "id"},
    ),
    "RevokedApiKey": obj(
        "The key just revoked",
        _FIELDS | {"revoked_at": _TIME | {"description": "When it stopped working (UTC)"}},
    ),
    "ApiKeyList": obj(
        "The merchant's active keys, oldest first",
        {
            "data": {"type": "array", "items": ref("ApiKey")},
            "has_more": {"type": "boolean", "const": False, "description": "Always false"},
        },
    ),
}
