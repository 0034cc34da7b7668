"""Example bodies of the events API, in the shapes the gateway answers (a test keeps them
valid against the schemas)."""

from __future__ import annotations

from entrypoints.http.openapi import action_examples as ax
from entrypoints.http.openapi import examples as ex

AUTHORIZED_EVENT_ID = "evt_01a233b0374e75279a5ca36dfe74f5fc"
CAPTURED_EVENT_ID = "evt_01a233b04a107c3e8f216b9d0e5a7c12"

AUTHORIZED_EVENT = {
    "id": AUTHORIZED_EVENT_ID,
    "type": "payment.authorized",
    "created_at": ex.AUTHORIZED["updated_at"],
    "data": {"payment": ex.AUTHORIZED},
}
CAPTURED_EVENT = {
    "id": CAPTURED_EVENT_ID,
    "type": "payment.captured",
    "created_at": ax.CAPTURED["updated_at"],
    "data": {"payment": ax.CAPTURED},
}
EVENT_PAGE = {"data": [CAPTURED_EVENT, AUTHORIZED_EVENT], "has_more": True}
LAST_EVENT_PAGE = {"data": [AUTHORIZED_EVENT], "has_more": False}
CAPTURED_WITH_DELIVERIES = CAPTURED_EVENT | {
    "deliveries": [
        {
            "endpoint_id": "we_8f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f",
            "attempts": 1,
            "status": "delivered",
            "last_response_status": 200,
            "next_attempt_at": None,
            "delivered_at": "2026-12-01T22:18:37.020Z",
        },
        {
            "endpoint_id": "we_0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "attempts": 3,
            "status": "pending",
            "last_response_status": 503,
            "next_attempt_at": "2026-12-01T22:22:37.020Z",
            "delivered_at": None,
        },
    ]
}
EVENT_TYPE_MESSAGE = (
    "must be one of payment.authorized, payment.declined, payment.failed, payment.captured, "
    "payment.voided, payment.refunded, payment.expired, action.failed"
)
EVENT_LIST_PROBLEM = ex.problem(
    "validation-error",
    "Invalid request",
    400,
    f"type: {EVENT_TYPE_MESSAGE}",
    errors=[{"field": "type", "message": EVENT_TYPE_MESSAGE}],
)
EVENT_NOT_FOUND_PROBLEM = ex.problem("not-found", "Not found", 404, "event not found")
