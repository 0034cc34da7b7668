"""Reading a capture, void or refund request off HTTP: an optional JSON body, whose fields
the domain checks (a 400 names the field), and the Idempotency-Key header."""

from __future__ import annotations

from typing import Any

from litestar import Request

from entrypoints.http.body import decode_json_object
from entrypoints.http.routes.payment_requests import checked_idempotency_key
from paycore.use_cases import CapturePaymentCommand, RefundPaymentCommand, VoidPaymentCommand


async def _optional_body(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """No body at all asks for everything left, as `{}` does."""
    raw = await request.body()
    return decode_json_object(raw) if raw.strip() else {}


async def capture_command(
    request: Request[Any, Any, Any], merchant_id: str, payment_id: str, key: str | None
) -> CapturePaymentCommand:
    key = checked_idempotency_key(key)
    body = await _optional_body(request)
    return CapturePaymentCommand(merchant_id, payment_id, body.get("amount"), key)


def void_command(merchant_id: str, payment_id: str, key: str | None) -> VoidPaymentCommand:
    # A body sent to a void is ignored, as the bank ignores it.
    return VoidPaymentCommand(merchant_id, payment_id, checked_idempotency_key(key))


async def refund_command(
    request: Request[Any, Any, Any], merchant_id: str, payment_id: str, key: str | None
) -> RefundPaymentCommand:
    key = checked_idempotency_key(key)
    body = await _optional_body(request)
    return RefundPaymentCommand(
        merchant_id, payment_id, body.get("amount"), body.get("reason"), key
    )
