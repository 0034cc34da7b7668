"""OpenAPI documentation for what the handlers decode by hand: request bodies and the
extra responses (problem details, legacy envelopes) of each route."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIType, Operation, RequestBody, Schema

from entrypoints.dto import LegacyError, LegacyPaymentEnvelope, PaymentOut, Problem
from entrypoints.wire import JSON, PROBLEM_JSON

_STRING = OpenAPIType.STRING
_INTEGER = OpenAPIType.INTEGER


def _object(required: list[str], **properties: Schema) -> Schema:
    return Schema(type=OpenAPIType.OBJECT, properties=dict(properties), required=required)


_CARD_NUMBER = Schema(
    type=_STRING,
    pattern=r"^[0-9][0-9 \-]{12,30}[0-9]$",
    description="14-19 digits, Luhn-valid; spaces and hyphens are ignored",
    examples=["4242 4242 4242 4242"],
)
_MONTH = Schema(type=_INTEGER, minimum=1, maximum=12, examples=[12])
_YEAR = Schema(type=_INTEGER, minimum=0, maximum=9999, description="2030 (or 30)", examples=[2030])
_CVV = Schema(type=_STRING, pattern=r"^[0-9]{3,4}$", examples=["123"])
_CURRENCY = Schema(type=_STRING, pattern=r"^[A-Z]{3}$", examples=["USD"])
_METADATA = Schema(
    type=OpenAPIType.OBJECT,
    max_properties=20,
    property_names=Schema(type=_STRING, min_length=1, max_length=40),
    additional_properties=Schema(type=_STRING, max_length=500),
    description="Your own labels, returned on the payment; never card numbers (refused)",
    examples=[{"order_id": "6735"}],
)

PAYMENT_REQUEST = _object(
    ["card_number", "expiry_month", "expiry_year", "cvv", "amount", "currency"],
    card_number=_CARD_NUMBER,
    expiry_month=_MONTH,
    expiry_year=_YEAR,
    cvv=_CVV,
    amount=Schema(type=_INTEGER, minimum=1, description="minor units: USD 10.50 is 1050"),
    currency=_CURRENCY,
    reference=Schema(type=[_STRING, OpenAPIType.NULL], max_length=100),
    metadata=_METADATA,
)
LEGACY_PAYMENT_REQUEST = _object(
    ["card_number", "exp_month", "exp_year", "cvv", "amount", "currency"],
    card_number=_CARD_NUMBER,
    exp_month=_MONTH,
    exp_year=_YEAR,
    cvv=_CVV,
    amount=Schema(
        one_of=[Schema(type=OpenAPIType.NUMBER, minimum=0.01), Schema(type=_STRING)],
        description="major units: 10.50 (number or string)",
    ),
    currency=_CURRENCY,
    metadata=_METADATA,
)
LOGIN_REQUEST = _object(
    ["email", "api_key"], email=Schema(type=_STRING), api_key=Schema(type=_STRING)
)
REFRESH_REQUEST = _object(["token"], token=Schema(type=_STRING), email=Schema(type=_STRING))


def with_request_body(schema: Schema) -> type[Operation]:
    """An Operation class documenting a JSON body the handler reads itself."""

    @dataclass
    class OperationWithBody(Operation):
        def __post_init__(self) -> None:
            media = OpenAPIMediaType(schema=schema)
            self.request_body = RequestBody(content={JSON: media}, required=True)

    return OperationWithBody


_PROBLEM_DESCRIPTIONS = {
    400: "Invalid input: every bad field is listed in `errors`",
    401: "Missing or invalid access token",
    404: "Unknown id, malformed id or another merchant's payment",
    409: "The first request with this Idempotency-Key is still running",
    413: "The body is larger than 64 KiB",
    422: "The Idempotency-Key was used with a different body",
    502: "Failed: the bank answered an error (`payment_id` in the body); nothing was charged",
    503: "Failed: the bank is unreachable or the circuit is open (`Retry-After`)",
}


def problems(*codes: int) -> dict[int, ResponseSpec]:
    """Response docs for a /v1/payments route: 202 is a payment, the rest problems."""
    specs: dict[int, ResponseSpec] = {}
    for code in codes:
        if code == 202:
            specs[code] = ResponseSpec(PaymentOut, description="Pending: the bank timed out")
        else:
            desc = _PROBLEM_DESCRIPTIONS[code]
            specs[code] = ResponseSpec(Problem, description=desc, media_type=PROBLEM_JSON)
    return specs


def legacy_errors(*codes: int, payment_codes: tuple[int, ...] = ()) -> dict[int, ResponseSpec]:
    specs: dict[int, Any] = {
        code: ResponseSpec(LegacyError, description=_PROBLEM_DESCRIPTIONS.get(code, "Error"))
        for code in codes
    }
    for code in payment_codes:
        specs[code] = ResponseSpec(LegacyPaymentEnvelope, description="Payment outcome")
    return specs
