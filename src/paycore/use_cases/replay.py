"""What a payment request answers, and what a repeated idempotency key answers: the
first answer, or why it cannot be given yet."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.errors import IdempotencyKeyReused, IdempotencyRequestInProgress
from paycore.idempotency import IdempotencyRecord
from paycore.payment import Payment, PaymentStatus
from paycore.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class PaymentResult:
    payment: Payment
    replayed: bool = False
    retry_after_seconds: int | None = None


async def replay_first_answer(
    uow: UnitOfWork, holder: IdempotencyRecord, fingerprint: str
) -> PaymentResult:
    if holder.request_fingerprint != fingerprint:
        raise IdempotencyKeyReused(holder.key)
    if holder.completed and holder.response is not None:
        # The first answer, not the payment as it is now: a 202 Pending that has settled
        # since still replays as that 202, a 503 with its Retry-After.
        return PaymentResult(
            holder.response, replayed=True, retry_after_seconds=holder.retry_after_seconds
        )
    # No snapshot: the first request never finished (a crash after the claim) or was
    # completed before snapshots were kept. The stored payment is the best answer once
    # it is terminal (settlement resolved it); while Pending, the request may still run.
    payment = await uow.payments.get(holder.merchant_id, holder.payment_id)
    if payment is None or (not holder.completed and payment.status is PaymentStatus.PENDING):
        raise IdempotencyRequestInProgress(holder.key)
    return PaymentResult(payment, replayed=True)
