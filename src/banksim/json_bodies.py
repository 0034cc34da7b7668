"""The JSON of the bank's HTTP contract: request decoding and response bodies (msgspec)."""

from __future__ import annotations

import msgspec

from banksim.bank import Answer, Outcome
from banksim.cards import FundedCard


class ChargeRequest(msgspec.Struct, frozen=True):
    """Unknown fields are ignored; a missing or wrongly typed field is a 400."""

    card_number: str
    expiry_date: str
    currency: str
    amount: int
    cvv: str

    def __repr__(self) -> str:  # never let a PAN or CVV reach a log through repr()
        return f"ChargeRequest(last4={self.card_number[-4:]!r}, amount={self.amount})"


class BadRequest(Exception):
    """The request cannot be processed; the message says why."""


class _Body(msgspec.Struct, omit_defaults=True):
    authorized: bool
    authorization_code: str
    decline_reason: str | None = None
    status: str | None = None


class _Error(msgspec.Struct, omit_defaults=True):
    error_message: str
    code: str | None = None


class _AmountRequest(msgspec.Struct, frozen=True):
    amount: int | None = None


_decoder = msgspec.json.Decoder(ChargeRequest)
_amount_decoder = msgspec.json.Decoder(_AmountRequest)
_encode = msgspec.json.encode
_DIGITS = frozenset("0123456789")
UNAVAILABLE_BODY = b"{}"


def decode_charge(body: bytes) -> ChargeRequest:
    """The request with spaces and hyphens dropped from the card number; raises BadRequest."""
    try:
        charge = _decoder.decode(body)
    except msgspec.DecodeError as error:  # ValidationError is a DecodeError too
        raise BadRequest(str(error)) from None
    card_number = charge.card_number.replace(" ", "").replace("-", "")
    if not card_number or card_number[-1] not in _DIGITS:
        raise BadRequest("card_number must end in a digit")
    if charge.amount < 1:
        raise BadRequest("amount must be a positive integer in minor units")
    if card_number == charge.card_number:
        return charge
    return msgspec.structs.replace(charge, card_number=card_number)


def decode_amount(body: bytes) -> int | None:
    """A capture's or refund's amount; None (everything left) for no body or no amount."""
    if not body.strip():
        return None
    try:
        amount = _amount_decoder.decode(body).amount
    except msgspec.DecodeError as error:
        raise BadRequest(str(error)) from None
    if amount is not None and amount < 1:
        raise BadRequest("amount must be a positive integer in minor units")
    return amount


def answer_body(answer: Answer) -> bytes:
    """The POST /payments body of the base contract (plus decline_reason when there is one)."""
    if answer.outcome is Outcome.UNAVAILABLE:
        return UNAVAILABLE_BODY
    return _encode(
        _Body(
            authorized=answer.outcome is Outcome.AUTHORIZED,
            authorization_code=answer.authorization_code,
            decline_reason=answer.decline_reason,
        )
    )


def record_body(answer: Answer) -> bytes:
    """GET /payments/{key}: the POST body plus the outcome as `status`."""
    if answer.outcome is Outcome.UNAVAILABLE:
        return _encode({"status": answer.outcome.value})
    return _encode(
        _Body(
            authorized=answer.outcome is Outcome.AUTHORIZED,
            authorization_code=answer.authorization_code,
            decline_reason=answer.decline_reason,
            status=answer.outcome.value,
        )
    )


def error_body(message: str, code: str | None = None) -> bytes:
    return _encode(_Error(error_message=message, code=code))


class _Account(msgspec.Struct):
    last4: str
    brand: str
    behaviour: str
    balances: dict[str, int]
    held: dict[str, int]


def account_body(card: FundedCard, balances: dict[str, int], held: dict[str, int]) -> bytes:
    """A funded card's available balances and open holds; the number shows only its last
    four digits."""
    account = _Account(card.number[-4:], card.brand, card.behaviour.value, balances, held)
    return _encode(account)
