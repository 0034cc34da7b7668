"""GET /v1/payments and GET /v1/payments/{payment_id}."""

from __future__ import annotations

from typing import Any

from entrypoints.http.openapi import action_examples as ax
from entrypoints.http.openapi import examples as ex
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.operations.responses import (
    BEARER,
    problem,
    problem_401,
    problem_500,
    response,
)
from entrypoints.http.openapi.schemas.building import Json, ref


def list_parameter(description: str, **schema: Any) -> Json:
    return {"description": description, "schema": {"type": "string", **schema}}


def list_payments() -> Json:
    statuses = {"enum": ["Pending", "Authorized", "Declined", "Failed"]}
    return {
        "security": BEARER,
        "parameters": {
            "limit": list_parameter("1 to 100 payments per page (default 10)", examples=["10"]),
            "starting_after": list_parameter(
                "A payment id (the last of a page): the page of payments older than it",
                examples=[ex.AUTHORIZED_ID],
            ),
            "ending_before": list_parameter(
                "A payment id (the first of a page): the page just newer than it, still "
                "newest first. Not together with starting_after.",
                examples=[ex.AUTHORIZED_ID],
            ),
            "status": list_parameter("Only payments in this status", **statuses),
            "reference": list_parameter("Only payments with exactly this reference"),
            "created_gte": list_parameter(
                "Only payments created at or after this RFC 3339 time (write `+` as %2B)",
                examples=["2026-12-01T00:00:00Z"],
            ),
            "created_lt": list_parameter(
                "Only payments created before this RFC 3339 time",
                examples=["2026-12-02T00:00:00Z"],
            ),
        },
        "responses": {
            "200": response(
                "A page of payments, newest first (`Cache-Control: no-store`)",
                ref("PaymentList"),
                {
                    "page": example("A page with more after it", ex.PAGE),
                    "last_page": example("The last page", ex.LAST_PAGE),
                },
            ),
            "400": problem(
                "A bad parameter (each named in `errors`): limit outside 1-100, an unknown "
                "status, a time that is not RFC 3339, both cursors, an unknown or "
                "repeated parameter, or a cursor that is not one of your payments.",
                {"validation": example("Bad parameters", ex.LIST_VALIDATION_PROBLEM)},
                schema="ValidationProblem",
            ),
            "401": problem_401(),
            "500": problem_500(),
        },
    }


def get_payment() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "payment_id": {
                "description": "The payment's id, as returned by POST /v1/payments",
                "schema": {"type": "string", "examples": [ex.AUTHORIZED_ID]},
            }
        },
        "responses": {
            "200": response(
                "The payment, in its current status",
                ref("Payment"),
                {
                    "authorized": example("Authorized", ex.AUTHORIZED),
                    "declined": example("Declined: insufficient funds", ex.NO_FUNDS),
                    "pending": example("Pending: settles by itself", ex.PENDING),
                    "failed": example("Failed: nothing was charged", ex.FAILED),
                    "partially_refunded": example(
                        "Captured, then a quarter refunded", ax.PARTIALLY_REFUNDED
                    ),
                    "expired": example("Expired: authorized, never captured", ax.EXPIRED),
                },
            ),
            "401": problem_401(),
            "404": problem(
                "No such payment: the id is unknown, malformed, or another merchant's "
                "(the same answer in every case).",
                {"not_found": example("Not found", ex.NOT_FOUND_PROBLEM)},
            ),
            "500": problem_500(),
        },
    }
