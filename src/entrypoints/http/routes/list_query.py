"""What every list route shares: its query parameters as text (checked by the domain, so
every bad one is reported at once) and the refusal of unknown or repeated ones. A list's
`Cache-Control: no-store`, like every answer about payments, comes from the app's
before-send hook (request_context.py)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Annotated, Any

from litestar import Request
from litestar.params import QueryParameter

from paycore.errors import FieldError, ValidationFailed


def query_text(description: str) -> Any:
    return Annotated[str | None, QueryParameter(required=False, description=description)]


def refuse_unknown_or_repeated(
    request: Request[Any, Any, Any], parameters: Collection[str]
) -> None:
    """As Stripe: a misspelt filter must not silently list everything."""
    query = request.query_params
    errors = [
        FieldError(name, "is not a parameter of this list")
        for name in query
        if name not in parameters
    ]
    errors += [
        FieldError(name, "must be given once")
        for name in query
        if name in parameters and len(query.getall(name)) > 1
    ]
    if errors:
        raise ValidationFailed(errors)
