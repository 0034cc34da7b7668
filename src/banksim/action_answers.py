"""What the bank answers to a follow-up action (capture, refund, void), and its JSON."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from banksim.json_bodies import error_body


class ActionKind(StrEnum):
    CAPTURE = "capture"
    REFUND = "refund"
    VOID = "void"

    @property
    def route(self) -> str:
        """The last segment of the action's URL: /payments/{authorization_code}/<route>."""
        return f"{self.value}s"


class Refusal(StrEnum):
    """The machine codes of a 422: why the action cannot apply to this authorization."""

    AMOUNT_EXCEEDS_AUTHORIZATION = "amount_exceeds_authorization"
    FULLY_CAPTURED = "fully_captured"
    CAPTURE_CLOSED = "capture_closed"
    AMOUNT_EXCEEDS_CAPTURED = "amount_exceeds_captured"
    NOTHING_CAPTURED = "nothing_captured"
    FULLY_REFUNDED = "fully_refunded"
    ALREADY_CAPTURED = "already_captured"
    ALREADY_VOIDED = "already_voided"


_OUTCOMES = {200: "succeeded", 422: "refused", 404: "unknown_authorization", 503: "unavailable"}


@dataclass(frozen=True, slots=True)
class ActionAnswer:
    http_status: int
    error_message: str = ""
    code: str | None = None
    injected: bool = False
    """A simulated outage (--fail-rate): the bank never processed the request."""

    @property
    def outcome(self) -> str:
        """The metrics and log label."""
        return _OUTCOMES[self.http_status]

    @property
    def recordable(self) -> bool:
        """Only a decision is replayed; an outage or an unknown code applied nothing."""
        return self.http_status in (200, 422)


SUCCEEDED = ActionAnswer(200)
UNKNOWN_AUTHORIZATION = ActionAnswer(404, "unknown authorization", "unknown_authorization")
INJECTED_ACTION_OUTAGE = ActionAnswer(503, injected=True)


def refused(code: Refusal, message: str) -> ActionAnswer:
    return ActionAnswer(422, message, code.value)


_SUCCEEDED_BODY = b'{"status":"succeeded"}'
_UNAVAILABLE_BODY = b"{}"


def action_body(answer: ActionAnswer) -> bytes:
    if answer.http_status == 200:
        return _SUCCEEDED_BODY
    if answer.http_status == 503:
        return _UNAVAILABLE_BODY
    return error_body(answer.error_message, answer.code)
