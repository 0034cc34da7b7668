"""The last line of defence: scrub anything that looks like card data from log events.

Nothing should ever try to log a card number or a CVV; this catches the mistake if it
happens anyway (an exception message, a repr, a header).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from paycore.card import luhn_valid

# 13-19 digits, optionally grouped by single spaces or hyphens, standing alone: not inside a
# longer number nor a word (a hex id such as a request id has digit runs of its own).
_PAN_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z])")
_SHORTEST_PAN = 13  # the pattern's fewest digits
# Ids we generate ourselves: never card data, and a redacted one could not be traced.
_OUR_IDS = frozenset({"request_id"})
_SENSITIVE_KEYS = frozenset(
    {"cvv", "cvc", "cvv2", "cvc2", "security_code", "card_number", "pan", "api_key", "password"}
)
PAN_MASK = "[REDACTED-PAN]"
VALUE_MASK = "[REDACTED]"
_MAX_DEPTH = 6


def redact_text(text: str) -> str:
    if len(text) < _SHORTEST_PAN:
        return text  # most of a log line's values: no card number fits

    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"[ -]", "", match.group())
        return PAN_MASK if luhn_valid(digits) else match.group()

    return _PAN_CANDIDATE.sub(replace, text)


def redact_value(value: Any, depth: int = 0) -> Any:
    if depth > _MAX_DEPTH:
        return value
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {k: _redact_item(k, v, depth) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact_value(v, depth + 1) for v in value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10**12:
        return redact_text(str(value))
    return value


def redact_card_data(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """A structlog processor."""
    for key, value in list(event_dict.items()):
        event_dict[key] = _redact_item(key, value, 0)
    return event_dict


def _redact_item(key: Any, value: Any, depth: int) -> Any:
    if isinstance(key, str) and key.lower() in _SENSITIVE_KEYS and value is not None:
        return VALUE_MASK
    if key in _OUR_IDS:
        return value
    return redact_value(value, depth + 1)
