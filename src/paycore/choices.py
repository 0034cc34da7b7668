"""A parameter that must be one member of a string enum (a status, an event type), as a
client sent it: the member's value as text, or the member itself from Python."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from paycore.field_errors import InvalidField

E = TypeVar("E", bound=StrEnum)


def optional_choice(enum: type[E]) -> Callable[[object], E | None]:
    """A parser: None for None, the member for its value, InvalidField listing them else."""
    values = tuple(member.value for member in enum)

    def parse(value: object) -> E | None:
        if value is None:
            return None
        if isinstance(value, str) and value in values:
            return enum(value)
        raise InvalidField(f"must be one of {', '.join(values)}")

    return parse
