"""Reading a payment request off HTTP, for the resource and the legacy routes alike: the
Idempotency-Key header and the body's fields, handed to the domain to validate."""

from __future__ import annotations

import re
from typing import Annotated, Any

from litestar import Request
from litestar.di import NamedDependency
from litestar.params import HeaderParameter, SkipValidation

from entrypoints.http.body import MalformedRequest, first_present, read_json_object
from paycore.errors import FieldError, ValidationFailed
from paycore.use_cases import ProcessPayment, ProcessPaymentCommand
from paycore.validation import PaymentRequest

MAX_IDEMPOTENCY_KEY_LENGTH = 255
IDEMPOTENCY_KEY_PATTERN = rf"[\x20-\x7e]{{1,{MAX_IDEMPOTENCY_KEY_LENGTH}}}"
_IDEMPOTENCY_KEY = re.compile(IDEMPOTENCY_KEY_PATTERN)

# The container may hand a decorated ProcessPayment (one that counts payments): the routes
# only call it, so its class is not checked.
ProcessPaymentUseCase = NamedDependency[SkipValidation[ProcessPayment]]
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        description="1-255 printable characters; the same key with the same body replays.",
    ),
]


def checked_idempotency_key(key: str | None) -> str | None:
    if key is not None and not _IDEMPOTENCY_KEY.fullmatch(key):
        raise MalformedRequest("Idempotency-Key must be 1 to 255 printable ASCII characters")
    return key


async def process_payment_command(
    request: Request[Any, Any, Any],
    merchant_id: str,
    idempotency_key: str | None,
    *,
    legacy: bool = False,
) -> ProcessPaymentCommand:
    key = checked_idempotency_key(idempotency_key)
    body = await read_json_object(request)
    payment_request = _payment_request(body, legacy=legacy)
    # The legacy routes know nothing of capturing; a field they never had is ignored there.
    capture = False if legacy else body.get("capture", False)
    if not isinstance(capture, bool):
        raise ValidationFailed([FieldError("capture", "must be true or false")])
    return ProcessPaymentCommand(merchant_id, payment_request, key, capture=capture)


def _payment_request(body: dict[str, Any], *, legacy: bool) -> PaymentRequest:
    """The raw fields for the domain to validate. Legacy clients may spell the expiry
    `exp_month`/`exp_year` and send amounts in major units (10.50, not 1050)."""
    months = ("exp_month", "expiry_month") if legacy else ("expiry_month",)
    years = ("exp_year", "expiry_year") if legacy else ("expiry_year",)
    return PaymentRequest(
        card_number=body.get("card_number"),
        expiry_month=first_present(body, *months),
        expiry_year=first_present(body, *years),
        cvv=body.get("cvv"),
        amount=body.get("amount"),
        currency=body.get("currency"),
        reference=body.get("reference"),
        metadata=body.get("metadata"),
        amount_unit="major" if legacy else "minor",
    )
