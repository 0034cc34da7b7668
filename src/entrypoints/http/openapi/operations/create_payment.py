"""POST /v1/payments."""

from __future__ import annotations

from entrypoints.http.openapi import action_examples as ax
from entrypoints.http.openapi import examples as ex
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.request_bodies import IDEMPOTENCY_KEY, PAYMENT_REQUEST
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    REPLAY,
    TOO_LARGE,
    media,
    problem,
    problem_401,
    problem_500,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref


def _payment_request_examples() -> dict[str, Json]:
    return {
        "authorized": example(
            "Authorized (demo card 4242 4242 4242 4242)", ex.payment_body("4242 4242 4242 4242")
        ),
        "declined": example(
            "Declined (4000000000000002: last-digit rule, ends in 2)",
            ex.payment_body("4000000000000002"),
        ),
        "insufficient_funds": example(
            "Declined, insufficient_funds (4000000000000119: an empty account)",
            ex.payment_body("4000000000000119"),
        ),
        "bank_unavailable": example(
            "Failed, 503 (5105105105105100: the simulator answers 503)",
            ex.payment_body("5105105105105100"),
        ),
    }


def create_payment() -> Json:
    return {
        "security": BEARER,
        "parameters": {"Idempotency-Key": IDEMPOTENCY_KEY},
        "requestBody": {
            "required": True,
            "content": media(PAYMENT_REQUEST, _payment_request_examples()),
        },
        "responses": {
            "201": response(
                "`Authorized` or `Declined`: the bank answered",
                ref("Payment"),
                {
                    "authorized": example("Authorized", ex.AUTHORIZED),
                    "declined": example("Declined by the last-digit rule", ex.DECLINED),
                    "insufficient_funds": example("Declined: insufficient funds", ex.NO_FUNDS),
                },
                headers=("Location", *REPLAY),
            ),
            "202": response(
                "`Pending`: the bank did not answer in time (PAYGATE_BANK_TIMEOUT). The "
                "payment settles by itself; poll its Location. Do not retry with a new key.",
                ref("Payment"),
                {"pending": example("Pending", ex.PENDING)},
                headers=("Location", *REPLAY),
            ),
            "400": problem(
                "Invalid input (every bad field in `errors`), a body that is not a JSON "
                "object, or a bad Idempotency-Key. Fix the request; no payment was created.",
                {
                    "validation": example("Invalid fields", ex.VALIDATION_PROBLEM),
                    "malformed": example("Not JSON", ex.MALFORMED_PROBLEM),
                    "bad_key": example("Bad Idempotency-Key", ex.BAD_KEY_PROBLEM),
                },
                schema="ValidationProblem",
            ),
            "401": problem_401(),
            "409": problem(
                "The first request with this Idempotency-Key is still running: retry later "
                "with the same key and body to get its answer.",
                {"in_progress": example("Still running", ex.IN_PROGRESS_PROBLEM)},
            ),
            "413": problem(TOO_LARGE, {"too_large": example("Too large", ex.TOO_LARGE_PROBLEM)}),
            "422": problem(
                "This Idempotency-Key was already used with a different body: use a new key "
                'for a new payment. Or `actions-unsupported`: `"capture": true` with an '
                "acquiring bank that cannot capture; nothing was charged.",
                {
                    "key_reused": example("Key reused", ex.KEY_REUSED_PROBLEM),
                    "unsupported": example("Bank cannot capture", ax.UNSUPPORTED_PROBLEM),
                },
            ),
            "500": problem_500(),
            "502": problem(
                "`Failed`: the bank answered an error. Nothing was charged; `payment_id` "
                "names the Failed payment.",
                {"bank_error": example("Bank error", ex.BANK_ERROR_PROBLEM)},
                schema="PaymentFailedProblem",
                headers=REPLAY,
            ),
            "503": problem(
                "`Failed`: the bank could not be reached, or the circuit breaker is open. "
                "Nothing was charged; try again after Retry-After seconds with a new key. "
                "Or `storage-unavailable`: the payment store failed before the bank was "
                "called (no `payment_id`); retry after Retry-After seconds, the same key is "
                "safe. Once the bank was called the answer is never an error: a store "
                "failure then answers 202 `Pending`, which settles by itself.",
                {
                    "bank_unavailable": example("Bank unavailable", ex.BANK_DOWN_PROBLEM),
                    "storage_unavailable": example("Store unavailable", ex.STORAGE_DOWN_PROBLEM),
                },
                schema="UnavailableProblem",
                headers=("Retry-After", *REPLAY),
            ),
        },
    }
