"""POST and GET /v1/api_keys, DELETE /v1/api_keys/{key_id}."""

from __future__ import annotations

from entrypoints.http.openapi import examples_api_keys as kx
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    problem,
    problem_401,
    problem_500,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref


def create_api_key() -> Json:
    return {
        "security": BEARER,
        "responses": {
            "201": response(
                "The new key: `api_key` is shown here only (`Cache-Control: no-store`)",
                ref("NewApiKey"),
                {"created": example("A new secret key", kx.NEW_KEY)},
            ),
            "401": problem_401(),
            "500": problem_500(),
        },
    }


def list_api_keys() -> Json:
    return {
        "security": BEARER,
        "responses": {
            "200": response(
                "The active keys, oldest first: prefix and last four, never the key",
                ref("ApiKeyList"),
                {"during_rotation": example("A rotation's overlap", kx.KEY_LIST)},
            ),
            "401": problem_401(),
            "500": problem_500(),
        },
    }


def revoke_api_key() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "key_id": {
                "description": "The key's id, as POST or GET /v1/api_keys answered it",
                "schema": {"type": "string", "examples": [kx.OLD_KEY_ID]},
            }
        },
        "responses": {
            "200": response(
                "The key is revoked: it and every login opened with it are refused from now",
                ref("RevokedApiKey"),
                {"revoked": example("Revoked", kx.REVOKED)},
            ),
            "401": problem_401(),
            "404": problem(
                "No such active key: unknown, already revoked or expired, or another "
                "merchant's (the same answer in every case)",
                {"not_found": example("Not found", kx.KEY_NOT_FOUND_PROBLEM)},
            ),
            "409": problem(
                "The merchant's only active key: create another one first (or rotate it "
                "with `paygate merchants rotate-key`)",
                {"last_key": example("The last active key", kx.LAST_KEY_PROBLEM)},
            ),
            "500": problem_500(),
        },
    }
