"""The bank's JSON wire format (API.md section 5) and what each of its answers means.

Each answer becomes a `Reply`: the outcome, whether repeating the call is safe (the bank
provably did nothing), and whether it shows the bank down (what trips the breaker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import msgspec

from paycore.acquirer_actions import ActionLookupOutcome, ActionOutcome
from paycore.bank import (
    AuthorizationRequest,
    Authorized,
    BankOutcome,
    Declined,
    LookupOutcome,
    LookupUnsupported,
    NotFound,
    Unavailable,
    Unknown,
)
from paycore.payment import FailureReason

OutcomeT = TypeVar("OutcomeT", BankOutcome, LookupOutcome, ActionOutcome, ActionLookupOutcome)
AnyOutcome = LookupOutcome | ActionLookupOutcome
_Outcome_co = TypeVar("_Outcome_co", bound=AnyOutcome, covariant=True)

# Route answers of a bank that has no lookup endpoint (the plain challenge simulator). A 404
# means "never seen" only with the contract's error body (a JSON object with error_message):
# a web framework's route-not-found 404 has none.
NO_ROUTE_STATUSES = frozenset({400, 404, 405, 501})
# A lookup record of a request the bank refused: nothing was charged under that key.
_REFUSED_STATUSES = frozenset({"unavailable", "failed", "error", "rejected", "503"})


class _Charge(msgspec.Struct):
    card_number: str
    expiry_date: str
    currency: str
    amount: int
    cvv: str


class _Answer(msgspec.Struct):
    authorized: bool | None = None
    authorization_code: str | None = None
    decline_reason: str | None = None
    status: str | int | None = None
    code: str | None = None
    error_message: str | None = None


@dataclass(frozen=True, slots=True)
class Reply(Generic[_Outcome_co]):
    outcome: _Outcome_co
    retryable: bool = False
    bank_down: bool = False


def encode_charge(request: AuthorizationRequest) -> bytes:
    card = request.card
    return msgspec.json.encode(
        _Charge(
            card_number=card.number,
            expiry_date=card.expiry.as_bank_string(),
            currency=request.amount.currency.code,
            amount=request.amount.minor,
            cvv=card.cvv,
        )
    )


def authorization_reply(status: int, body: bytes) -> Reply[BankOutcome]:
    if 200 <= status < 300:
        decided = _decision(_decode(body))
        # The bank said yes or no, we cannot read which: it may have charged. Unknown keeps
        # the payment Pending for settlement instead of telling the merchant "nothing charged".
        return Reply(decided or Unknown(f"unreadable {status} answer from the bank"))
    return error_reply(status)


def lookup_reply(status: int, body: bytes) -> Reply[LookupOutcome]:
    answer = _decode(body)
    if 200 <= status < 300:
        if answer is not None and answer.authorized is None and _was_refused(answer):
            return Reply(NotFound())
        if answer is None or answer.authorized is None:
            # Not a payment record at all (a catch-all page, `{}`): no lookup route here.
            return Reply(LookupUnsupported())
        decided = _decision(answer)
        return Reply(decided or Unknown(f"unreadable {status} lookup answer from the bank"))
    if status == 404 and answer is not None and _is_contract_error(answer):
        return Reply(NotFound())
    if status in NO_ROUTE_STATUSES:
        return Reply(LookupUnsupported())
    return error_reply(status)


def error_reply(status: int) -> Reply[Unavailable]:
    if status == 503:
        return Reply(Unavailable(FailureReason.BANK_UNAVAILABLE), retryable=True, bank_down=True)
    # Any other 5xx is a sick bank too: it counts toward the breaker, but is not retried.
    return Reply(Unavailable(FailureReason.BANK_ERROR), bank_down=status >= 500)


def _decode(body: bytes) -> _Answer | None:
    try:
        return msgspec.json.decode(body, type=_Answer)
    except msgspec.DecodeError:
        return None


def _decision(answer: _Answer | None) -> Authorized | Declined | None:
    if answer is None or answer.authorized is None:
        return None
    if not answer.authorized:
        return Declined(answer.decline_reason or None)
    if not answer.authorization_code:
        return None
    return Authorized(answer.authorization_code)


def _is_contract_error(answer: _Answer) -> bool:
    # `code` is our simulator's extra; `error_message` is what the contract promises.
    return answer.error_message is not None or answer.code == "unknown_key"


def _was_refused(answer: _Answer) -> bool:
    return str(answer.status).lower() in _REFUSED_STATUSES
