"""The one table from what the domain answered to the HTTP status, problem type, title and
detail a client sees: the outcome of a payment request, and every error a request can meet.

How the answer is written (an RFC 9457 problem or the original design's envelope) is the
route's business (`entrypoints/http/errors.py`); what it says is decided here only.

One package, three modules: `http_error.py` (the answer's shape), `answers.py` (payments
and actions) and `errors.py` (every error).
"""

from entrypoints.http.outcomes.answers import (
    action_status_code,
    failed_action_error,
    failed_payment_error,
    status_code_for,
)
from entrypoints.http.outcomes.errors import STORAGE_RETRY_AFTER_SECONDS, http_error_for
from entrypoints.http.outcomes.http_error import HttpError

__all__ = [
    "STORAGE_RETRY_AFTER_SECONDS",
    "HttpError",
    "action_status_code",
    "failed_action_error",
    "failed_payment_error",
    "http_error_for",
    "status_code_for",
]
