"""`"capture": true` on a new payment: another request than an authorization alone under
the same key, and, once authorized, a capture of everything."""

from __future__ import annotations

from paycore.idempotency import FirstAnswer
from paycore.payment import Payment
from paycore.ports import Fingerprinter, UnitOfWorkFactory
from paycore.use_cases.action_runner import ActionRunner
from paycore.use_cases.capture_payment import CapturePayment, CapturePaymentCommand
from paycore.use_cases.new_payment import request_fingerprint
from paycore.validation import ValidPayment


async def capture_in_full(
    runner: ActionRunner, uow: UnitOfWorkFactory, payment: Payment, key: str | None
) -> Payment:
    """Capture everything; the key, which answered the authorized payment until now (a
    crash in between replays it), then answers the payment as the capture left it."""
    captured = await CapturePayment(runner)(CapturePaymentCommand(payment.merchant_id, payment.id))
    if key is not None:
        async with uow() as unit:
            await unit.idempotency.complete(FirstAnswer(payment.merchant_id, key, captured.payment))
            await unit.commit()
    return captured.payment


def fingerprint_of(valid: ValidPayment, capture: bool, fingerprinter: Fingerprinter) -> str:
    """Capturing at once is another request than only authorizing, under the same key.
    A plain payment keeps the fingerprint it always had."""
    fingerprint = request_fingerprint(valid, fingerprinter)
    return (
        fingerprinter.fingerprint(f"{fingerprint}\x1fcapture".encode()) if capture else fingerprint
    )
