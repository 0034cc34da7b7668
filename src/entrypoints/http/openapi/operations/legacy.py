"""The legacy routes: POST /v1/process-payment and GET /v1/get-payment."""

from __future__ import annotations

from typing import Any

from entrypoints.http.openapi import examples as ex
from entrypoints.http.openapi import legacy_examples as legacy_ex
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.request_bodies import (
    IDEMPOTENCY_KEY,
    LEGACY_PAYMENT_REQUEST,
)
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    REPLAY,
    legacy,
    legacy_401,
    legacy_500,
    legacy_too_large,
    media,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref


def _legacy_outcome(description: str, status: str, payment_id: str, **kw: Any) -> Json:
    body = legacy_ex.legacy_outcome(status, payment_id)
    return response(
        description, ref("LegacyPaymentOutcome"), {status.lower(): example(status, body)}, **kw
    )


def process_payment_legacy() -> Json:
    requests = {
        "authorized": example(
            "Authorized (4242424242424242)", legacy_ex.legacy_request("4242424242424242")
        ),
        "declined": example(
            "Declined, 402 (4000000000000002)",
            legacy_ex.legacy_request("4000000000000002", "10.50"),
        ),
    }
    return {
        "security": BEARER,
        "parameters": {"Idempotency-Key": IDEMPOTENCY_KEY},
        "requestBody": {"required": True, "content": media(LEGACY_PAYMENT_REQUEST, requests)},
        "responses": {
            "201": _legacy_outcome("Authorized", "Authorized", ex.AUTHORIZED_ID, headers=REPLAY),
            "202": _legacy_outcome(
                "Pending: the bank did not answer in time; the payment settles by itself",
                "Pending",
                ex.PENDING_ID,
                headers=REPLAY,
            ),
            "400": legacy(
                "Invalid input (every bad field in `errors`) or a body that is not JSON",
                {
                    "validation": example("Invalid fields", legacy_ex.LEGACY_VALIDATION),
                    "malformed": example("Not JSON", legacy_ex.LEGACY_MALFORMED),
                },
            ),
            "401": legacy_401(),
            "402": _legacy_outcome("Declined", "Declined", ex.DECLINED_ID, headers=REPLAY),
            "409": legacy(
                "The first request with this Idempotency-Key is still running",
                {"in_progress": example("Still running", legacy_ex.LEGACY_IN_PROGRESS)},
            ),
            "413": legacy_too_large(),
            "422": legacy(
                "This Idempotency-Key was already used with a different body",
                {"key_reused": example("Key reused", legacy_ex.LEGACY_KEY_REUSED)},
            ),
            "500": legacy_500(),
            "502": _legacy_outcome(
                "Failed: the bank answered an error; nothing was charged",
                "Failed",
                ex.FAILED_ID,
                headers=REPLAY,
            ),
            "503": _legacy_outcome(
                "Failed: the bank could not be reached or the circuit is open; nothing was charged",
                "Failed",
                ex.FAILED_ID,
                headers=("Retry-After", *REPLAY),
            ),
        },
    }


def get_payment_legacy() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "payment_id": {
                "description": "The payment's id (`Payment ID` of POST /v1/process-payment); "
                "without it the answer is 404",
                "schema": {"type": "string", "examples": [ex.AUTHORIZED_ID]},
            }
        },
        "responses": {
            "200": response(
                "The payment (amount in major units)",
                ref("LegacyPaymentDetails"),
                {"authorized": example("Authorized", legacy_ex.LEGACY_DETAILS)},
            ),
            "401": legacy_401(),
            "404": legacy(
                "No such payment (unknown, malformed, missing or another merchant's id)",
                {"not_found": example("Not found", legacy_ex.LEGACY_NOT_FOUND)},
            ),
            "500": legacy_500(),
        },
    }
