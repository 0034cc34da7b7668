"""Payments in every lifecycle state, made through the domain as the use cases make them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from paycore.payment import Payment
from tests.unit.adapters.builders import T0, later, new_id, payment


def authorized(**fields) -> Payment:
    p = payment(**fields)
    p.authorize("auth-1", later(p.created_at, 1))
    return p


def captured(amount: int | None = None) -> Payment:
    p = authorized()
    action = p.capture(new_id(), amount, later(T0, 2), idempotency_key="cap-1")
    p.confirm_action(action.id, later(T0, 3))
    return p


def _pending_capture() -> Payment:
    p = authorized()
    p.capture(new_id(), 400, later(T0, 2), idempotency_key="cap-1")
    return p


def _voided() -> Payment:
    p = authorized()
    action = p.void(new_id(), later(T0, 2))
    p.confirm_action(action.id, later(T0, 3))
    return p


def _refunded(amount: int | None) -> Payment:
    p = captured()
    action = p.refund(new_id(), amount, later(T0, 4), reason='damaged "box" ✓', idempotency_key="r")
    p.confirm_action(action.id, later(T0, 5))
    return p


def _with_failed_and_pending_refunds() -> Payment:
    p = captured(600)
    failed = p.refund(new_id(), 100, later(T0, 4))
    p.fail_action(failed.id, "bank_unavailable", later(T0, 5))
    p.refund(new_id(), 200, later(T0, 6), reason="late")
    return p


def _expired() -> Payment:
    p = authorized()
    p.expire(later(T0, 8 * 24 * 3600), timedelta(days=7))
    return p


LIFECYCLE_STATES: dict[str, Callable[[], Payment]] = {
    "Authorized": authorized,
    "Authorized, capture Pending": _pending_capture,
    "PartiallyCaptured": lambda: captured(400),
    "Captured": captured,
    "Voided": _voided,
    "PartiallyRefunded": lambda: _refunded(300),
    "Refunded": lambda: _refunded(None),
    "a Failed and a Pending refund": _with_failed_and_pending_refunds,
    "Expired": _expired,
}
