"""Why a payment failed: nothing was charged, and this is the reason."""

from __future__ import annotations

from enum import StrEnum


class FailureReason(StrEnum):
    BANK_ERROR = "bank_error"
    BANK_UNAVAILABLE = "bank_unavailable"
    CIRCUIT_OPEN = "circuit_open"
    NOT_RECEIVED_BY_BANK = "not_received_by_bank"
    UNSETTLED = "unsettled_past_deadline"
