"""Section 8 paging, shared by every list (payments, events): the `limit` and the two
keyset cursors checked, then one page turned from a cursor's position.

A cursor must be one of the merchant's own items; anything else is refused exactly like a
malformed id. `starting_after` pages towards older items, `ending_before` towards newer
ones (the page just newer than the cursor, still newest first), as Stripe does.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from paycore import fields
from paycore.errors import FieldError, ValidationFailed
from paycore.field_errors import FieldErrors, InvalidField
from paycore.listing import DEFAULT_LIMIT, MAX_LIMIT, Direction, Listed, Position

T = TypeVar("T")
MIN_LIMIT = 1
# Digits enough for MAX_LIMIT: a longer string is refused before it is parsed.
_LIMIT = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    # Canonical ids; at most one of the two is set.
    starting_after: str | None
    ending_before: str | None


def parse_paging(
    errors: FieldErrors,
    limit: object,
    starting_after: object,
    ending_before: object,
    cursor: Callable[[object], str | None],
) -> Paging:
    """The paging parameters, each bad one recorded in `errors` (then the result is moot)."""
    valid_limit = errors.parse("limit", _limit, limit)
    after = errors.parse("starting_after", cursor, starting_after)
    before = errors.parse("ending_before", cursor, ending_before)
    if starting_after is not None and ending_before is not None:
        errors.add("ending_before", "cannot be combined with starting_after")
    return Paging(valid_limit or DEFAULT_LIMIT, after, before)


async def turn_page(
    paging: Paging,
    find: Callable[[str], Awaitable[Listed | None]],
    fetch: Callable[[Position | None, Direction, int], Awaitable[list[T]]],
    not_a_cursor: str,
) -> tuple[tuple[T, ...], bool]:
    """(the page newest first, has_more): `find` finds a cursor among the merchant's
    items (None: not theirs), `fetch` answers a keyset query for that many."""
    direction = Direction.NEWER if paging.ending_before is not None else Direction.OLDER
    start: Position | None = None
    for parameter, cursor in (
        ("starting_after", paging.starting_after),
        ("ending_before", paging.ending_before),
    ):
        if cursor is not None:
            found_cursor = await find(cursor)
            if found_cursor is None:
                raise ValidationFailed([FieldError(parameter, not_a_cursor)])
            start = Position.of(found_cursor)
    # One more than asked: whether it exists is `has_more`, without a count.
    found = await fetch(start, direction, paging.limit + 1)
    page = found[: paging.limit]
    if direction is Direction.NEWER:
        page.reverse()
    return tuple(page), len(found) > paging.limit


def _limit(value: object) -> int:
    if value is None:
        return DEFAULT_LIMIT
    number = fields.as_int(value)
    if number is None and isinstance(value, str) and _LIMIT.fullmatch(value):
        number = int(value)
    if number is None or not MIN_LIMIT <= number <= MAX_LIMIT:
        raise InvalidField(f"must be an integer from {MIN_LIMIT} to {MAX_LIMIT}")
    return number
