"""Idempotency for capture, void and refund requests: what a key is scoped to, what makes
two requests the same request, and what a repeated key answers."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.actions import ActionType, PaymentAction
from paycore.errors import IdempotencyKeyReused, IdempotencyRequestInProgress
from paycore.idempotency import IdempotencyRecord
from paycore.payment import Payment
from paycore.ports import Fingerprinter, UnitOfWork
from paycore.use_cases.action_ask import ActionAsk


@dataclass(frozen=True, slots=True)
class ActionResult:
    """The payment as the request answers it, and the action the request created."""

    payment: Payment
    action: PaymentAction
    replayed: bool = False
    retry_after_seconds: int | None = None


def scoped_key(ask: ActionAsk, key: str, fingerprinter: Fingerprinter) -> str:
    """A key names one request per merchant AND route: the same key on the payment's
    captures and on its refunds, or on two payments, are unrelated requests. Hashed so
    the scoped key stays as short as the stores require; the separator is no printable
    character, so it never equals a key a merchant sent to POST /v1/payments."""
    digest = fingerprinter.fingerprint(key.encode())
    return f"{ask.payment_id}/{ask.type}\x1f{digest}"


def action_fingerprint(ask: ActionAsk, fingerprinter: Fingerprinter) -> str:
    # An omitted amount ("everything left") is another body than any explicit one.
    parts = (str(ask.type), "" if ask.amount is None else str(ask.amount), ask.reason or "")
    return fingerprinter.fingerprint("\x1f".join(parts).encode())


def action_of(payment: Payment, action_type: ActionType, key: str) -> PaymentAction | None:
    """The newest action of this type the merchant's key created, if any."""
    mine = [a for a in payment.actions if a.type is action_type and a.idempotency_key == key]
    return mine[-1] if mine else None


async def replay_action(
    uow: UnitOfWork, holder: IdempotencyRecord, fingerprint: str, ask: ActionAsk
) -> ActionResult:
    key = ask.idempotency_key
    assert key is not None, "only a request with a key is replayed"
    if holder.request_fingerprint != fingerprint:
        raise IdempotencyKeyReused(key)
    # The first answer if it was given; else the stored payment, once the sweep has
    # settled the action the first request left Pending (it died before answering).
    answered = holder.response if holder.completed else None
    payment = answered or await uow.payments.get(holder.merchant_id, holder.payment_id)
    action = action_of(payment, ask.type, key) if payment is not None else None
    if payment is None or action is None or (answered is None and action.is_pending):
        raise IdempotencyRequestInProgress(key)
    return ActionResult(
        payment, action, replayed=True, retry_after_seconds=holder.retry_after_seconds
    )
