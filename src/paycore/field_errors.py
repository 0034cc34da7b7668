"""Collecting every bad field of a request, so that a client learns of all of them at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from paycore.errors import FieldError, ValidationFailed

T = TypeVar("T")


class InvalidField(Exception):
    """A field's value is refused; the message tells the client why."""


class FieldErrors:
    def __init__(self) -> None:
        self._errors: list[FieldError] = []

    def parse(self, name: str, parser: Callable[[object], T], value: object) -> T | None:
        """The parsed value, or None with the refusal recorded against `name`."""
        try:
            return parser(value)
        except InvalidField as exc:
            self.add(name, str(exc))
            return None

    def add(self, name: str, message: str) -> None:
        self._errors.append(FieldError(name, message))

    def extend(self, errors: list[FieldError]) -> None:
        self._errors.extend(errors)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationFailed(self._errors)
