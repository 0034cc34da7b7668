"""Ids are uuid columns: text that is no UUID must read as unknown, not fail the statement."""

from __future__ import annotations

import uuid


def is_uuid(text: str) -> bool:
    """A malformed id must read as 'not found', not abort the transaction with a cast error."""
    try:
        uuid.UUID(text)
    except (ValueError, TypeError, AttributeError):
        return False
    return True
