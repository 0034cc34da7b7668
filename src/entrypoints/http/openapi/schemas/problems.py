"""The RFC 9457 problems the payment resource answers with."""

from __future__ import annotations

from entrypoints.http.openapi.schemas.building import Json, problem_object, problem_type, ref
from entrypoints.http.openapi.schemas.payments import UUID

FIELD_ERRORS = {
    "type": "array",
    "minItems": 1,
    "items": ref("FieldError"),
    "description": "One entry per bad field",
}

PROBLEM_SCHEMAS: dict[str, Json] = {
    "Problem": problem_object(
        "An RFC 9457 problem (application/problem+json)",
        problem_type(
            "unauthorized",
            "not-found",
            "idempotency-in-progress",
            "idempotency-key-reused",
            "invalid-state",
            "last-active-key",
            "amount-too-large",
            "actions-unsupported",
            "payload-too-large",
            "storage-unavailable",
            "rate-limited",
            "internal-error",
        ),
        {
            "type": "integer",
            "enum": [401, 404, 409, 413, 422, 429, 500, 503],
            "description": "HTTP status",
        },
    ),
    "ValidationProblem": problem_object(
        "The request cannot be used: nothing was created and the bank was not called",
        problem_type("validation-error", "malformed-request"),
        {"type": "integer", "const": 400},
        {"errors": FIELD_ERRORS | {"description": "One entry per bad field (validation-error)"}},
    ),
    "PaymentFailedProblem": problem_object(
        "The payment was recorded `Failed`: nothing was charged. A new attempt needs a new "
        "Idempotency-Key (the same key replays this answer).",
        problem_type("payment-failed"),
        {"type": "integer", "enum": [502, 503]},
        {"payment_id": UUID | {"description": "The Failed payment's id, for GET and support"}},
        optional=False,
    ),
    "ActionFailedProblem": problem_object(
        "The action was recorded `Failed`: the payment is unchanged. A new attempt needs a "
        "new Idempotency-Key (the same key replays this answer).",
        problem_type("action-failed"),
        {"type": "integer", "enum": [502, 503]},
        {"payment_id": UUID | {"description": "The payment's id, for GET and support"}},
        optional=False,
    ),
    "ActionUnavailableProblem": {
        "description": "A 503: the bank was unreachable (`action-failed`, with `payment_id`) "
        "or the payment store was (`storage-unavailable`, before any bank call). Either way "
        "the payment is unchanged.",
        "oneOf": [ref("ActionFailedProblem"), ref("Problem")],
    },
    "UnavailableProblem": {
        "description": "A 503: the bank was unreachable (`payment-failed`, with `payment_id`) "
        "or the payment store was (`storage-unavailable`, before any bank call). Either way "
        "nothing was charged.",
        "oneOf": [ref("PaymentFailedProblem"), ref("Problem")],
    },
}
