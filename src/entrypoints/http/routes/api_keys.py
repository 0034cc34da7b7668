"""A merchant's own API keys (API.md section 10): create, list, revoke."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import PathParameter

from entrypoints.http.api_key_dto import (
    ApiKeyListOut,
    NewApiKeyOut,
    RevokedApiKeyOut,
    api_key_out,
    new_api_key_out,
    revoked_api_key_out,
)
from entrypoints.http.responses import json_response
from entrypoints.http.routes.authenticated import AUTHENTICATED
from paycore.use_cases import CreateApiKey, ListApiKeys, RevokeApiKey

API_KEYS_PATH = "/v1/api_keys"


@post(
    API_KEYS_PATH,
    status_code=201,
    **AUTHENTICATED,
    operation_id="createApiKey",
    tags=["API keys"],
    summary="Create a secret API key",
    description="A new `sk_` key for the calling merchant, shown in this answer only (only "
    "its hash is kept). The merchant's other keys keep working.",
)
async def create_api_key(
    merchant_id: NamedDependency[str], create_api_key: NamedDependency[CreateApiKey]
) -> Response[NewApiKeyOut]:
    return json_response(new_api_key_out(await create_api_key(merchant_id)), 201)


@get(
    API_KEYS_PATH,
    **AUTHENTICATED,
    operation_id="listApiKeys",
    tags=["API keys"],
    summary="List the active API keys",
    description="Every key that still opens logins, oldest first: its prefix and last four, "
    "never the key itself. A key of a rotation's overlap shows when it expires.",
)
async def list_api_keys(
    merchant_id: NamedDependency[str], list_api_keys: NamedDependency[ListApiKeys]
) -> Response[ApiKeyListOut]:
    keys = await list_api_keys(merchant_id)
    return json_response(ApiKeyListOut([api_key_out(k) for k in keys], has_more=False), 200)


@delete(
    API_KEYS_PATH + "/{key_id:str}",
    status_code=200,
    **AUTHENTICATED,
    operation_id="revokeApiKey",
    tags=["API keys"],
    summary="Revoke an API key",
    description="The key stops working at once, and so does every login opened with it "
    "(its tokens answer 401). The merchant's only active key cannot be revoked (409): "
    "create another one first. Unknown, revoked or another merchant's key: 404.",
)
async def revoke_api_key(
    merchant_id: NamedDependency[str],
    revoke_api_key: NamedDependency[RevokeApiKey],
    key_id: Annotated[str, PathParameter(description="The key's id")],
) -> Response[RevokedApiKeyOut]:
    return json_response(revoked_api_key_out(await revoke_api_key(merchant_id, key_id)), 200)
