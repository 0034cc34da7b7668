"""Metadata: the merchant's own labels on a payment (order ids, customer ids), checked so
that they can never become a place where card data hides."""

from __future__ import annotations

import re
from typing import NoReturn

from paycore.card import luhn_valid
from paycore.errors import FieldError
from paycore.text import text_error

MAX_KEYS = 20
MAX_KEY_LENGTH = 40
MAX_VALUE_LENGTH = 500
_CARD_LENGTHS = range(13, 20)
# Digit groups as people type a card number: separated by spaces or hyphens.
_DIGIT_RUN = re.compile(r"[0-9](?:[ \-]*[0-9])*")
_SEPARATORS = re.compile(r"[ \-]+")


class Metadata(dict[str, str]):
    """A dict that refuses every change: a payment's metadata is fixed when it is created."""

    __slots__ = ()

    def __copy__(self) -> Metadata:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Metadata:
        return self

    def __reduce__(self) -> tuple[type[Metadata], tuple[dict[str, str]]]:
        return Metadata, (dict(self),)


def _refuse_change(self: Metadata, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError("a payment's metadata is fixed when the payment is created")


_MUTATORS = ("__setitem__", "__delitem__", "__ior__", "clear", "pop", "popitem", "setdefault")
for _mutator in (*_MUTATORS, "update"):
    setattr(Metadata, _mutator, _refuse_change)


def holds_card_number(text: str) -> bool:
    """True if some digit groups in `text` read as a card number: 13-19 digits passing Luhn.

    Every run of consecutive groups is tried, so "order 12 4242 4242 4242 4242" is caught;
    one unbroken run of more than 19 digits is no card number."""
    for run in _DIGIT_RUN.finditer(text):
        groups = _SEPARATORS.split(run.group())
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:]:
                digits += group
                if len(digits) > _CARD_LENGTHS[-1]:
                    break
                if len(digits) in _CARD_LENGTHS and luhn_valid(digits):
                    return True
    return False


def parse_metadata(value: object) -> tuple[Metadata, list[FieldError]]:
    """The metadata, or every reason it is refused. Absent (None) is empty metadata.

    An error never repeats a key or value that may hold a card number: those are
    reported on `metadata` itself, not on `metadata.<key>`."""
    if value is None:
        return Metadata(), []
    if not isinstance(value, dict):
        return Metadata(), [FieldError("metadata", "must be an object of strings to strings")]
    errors: list[FieldError] = []
    if len(value) > MAX_KEYS:
        errors.append(FieldError("metadata", f"must have at most {MAX_KEYS} keys"))
    for key, item in value.items():
        if not isinstance(key, str):
            errors.append(FieldError("metadata", "keys must be strings"))
            continue
        unsafe = _unsafe_text_error(key)
        if unsafe is not None:
            errors.append(FieldError("metadata", f"keys {unsafe}"))
            continue
        path = f"metadata.{key}"
        if not 1 <= len(key) <= MAX_KEY_LENGTH:
            errors.append(FieldError(path, f"keys must be 1 to {MAX_KEY_LENGTH} characters"))
        message = _value_error(item)
        if message is not None:
            errors.append(FieldError(path, message))
    return (Metadata() if errors else Metadata(value)), errors


def _unsafe_text_error(text: str) -> str | None:
    message = text_error(text)
    if message is not None:
        return message
    if holds_card_number(text):
        return "must not hold a card number"
    return None


def _value_error(value: object) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    if len(value) > MAX_VALUE_LENGTH:
        return f"must be at most {MAX_VALUE_LENGTH} characters"
    return _unsafe_text_error(value)
