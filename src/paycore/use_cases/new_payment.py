"""A validated request becomes a Pending payment; and what makes two requests one request."""

from __future__ import annotations

import json
from datetime import datetime

from paycore.card import CardSummary, detect_brand
from paycore.payment import Payment
from paycore.ports import Fingerprinter, IdGenerator
from paycore.validation import ValidPayment


def new_payment(
    merchant_id: str,
    valid: ValidPayment,
    now: datetime,
    *,
    ids: IdGenerator,
    fingerprinter: Fingerprinter,
) -> Payment:
    """The Pending payment: of the card only last4, brand, expiry and a keyed fingerprint."""
    number = valid.card.number
    summary = CardSummary(
        last4=number[-4:],
        brand=detect_brand(number),
        expiry=valid.card.expiry,
        fingerprint=fingerprinter.fingerprint(number.encode()),
    )
    return Payment(
        id=ids.new_id(),
        merchant_id=merchant_id,
        amount=valid.amount,
        card=summary,
        reference=valid.reference,
        created_at=now,
        updated_at=now,
        metadata=valid.metadata,
    )


def request_fingerprint(valid: ValidPayment, fingerprinter: Fingerprinter) -> str:
    """What makes two requests with one key the same request. Never the CVV: sensitive
    authentication data is not kept after authorization in any form (PCI DSS 3.3.1)."""
    card = valid.card
    parts: tuple[str, ...] = (
        card.number,
        card.expiry.as_bank_string(),
        str(valid.amount.minor),
        valid.amount.currency.code,
        valid.reference or "",
    )
    if valid.metadata:
        # Appended only when present, so a request without metadata keeps its old
        # fingerprint; sorted, as a JSON object's key order means nothing.
        parts += (json.dumps(valid.metadata, sort_keys=True),)
    return fingerprinter.fingerprint("\x1f".join(parts).encode())
