"""The bank's answers to capture, refund and void (API.md section 5) and to a look-up of
one, and what each means. Every action carries its Idempotency-Key, so the bank applies a
repeat at most once: a 503 or a refused connection is retried like an authorization."""

from __future__ import annotations

import msgspec

from adapters.bank.replies import NO_ROUTE_STATUSES, Reply, error_reply
from paycore.acquirer_actions import (
    ActionLookupOutcome,
    ActionOutcome,
    ActionRefused,
    ActionSucceeded,
)
from paycore.bank import LookupUnsupported, NotFound, Unavailable, Unknown
from paycore.payment import FailureReason

_SUCCEEDED = "succeeded"
# The contract's 404 bodies; a web framework's route-not-found 404 carries neither code.
_UNKNOWN_AUTHORIZATION = "unknown_authorization"
_UNKNOWN_KEY = "unknown_key"
# What a web framework answers for a path or method it has no route for (a 400 is ours).
_MISSING_ROUTE = frozenset({404, 405, 501})


class _Amount(msgspec.Struct):
    amount: int


class _ActionAnswer(msgspec.Struct):
    status: str | None = None
    code: str | None = None
    error_message: str | None = None


def encode_amount(minor: int) -> bytes:
    return msgspec.json.encode(_Amount(minor))


def is_missing_route(status: int, body: bytes) -> bool:
    """The bank has no such route (a plain, authorize-only bank), not a contract answer."""
    answer = _decode(body)
    is_contract_error = answer is not None and (
        answer.error_message is not None or answer.code is not None
    )
    return status in _MISSING_ROUTE and not is_contract_error


def action_reply(status: int, body: bytes) -> Reply[ActionOutcome]:
    answer = _decode(body)
    if 200 <= status < 300:
        if answer is not None and answer.status == _SUCCEEDED:
            return Reply(ActionSucceeded())
        # A 2xx we cannot read may be a success: Pending, for the sweep to look up.
        return Reply(Unknown(f"unreadable {status} answer to an action"))
    if status == 422 or (status == 404 and _code(answer) == _UNKNOWN_AUTHORIZATION):
        return Reply(ActionRefused(_code(answer)))
    if status >= 500:
        return error_reply(status)
    # A 4xx without a decision (a bad request, a missing route): the bank did nothing.
    return Reply(Unavailable(FailureReason.BANK_ERROR))


def action_lookup_reply(status: int, body: bytes) -> Reply[ActionLookupOutcome]:
    answer = _decode(body)
    if 200 <= status < 300:
        if answer is not None and answer.status == _SUCCEEDED:
            return Reply(ActionSucceeded())
        return Reply(LookupUnsupported())  # not an action record: a catch-all page
    if status == 422:
        return Reply(ActionRefused(_code(answer)))
    if status == 404 and _code(answer) == _UNKNOWN_KEY:
        return Reply(NotFound())
    if status in NO_ROUTE_STATUSES:
        return Reply(LookupUnsupported())
    return error_reply(status)


def _code(answer: _ActionAnswer | None) -> str | None:
    if answer is None:
        return None
    return answer.code or answer.error_message or None


def _decode(body: bytes) -> _ActionAnswer | None:
    try:
        return msgspec.json.decode(body, type=_ActionAnswer)
    except msgspec.DecodeError:
        return None
