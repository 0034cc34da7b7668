"""What a failed request answers, before it is written as a problem or an envelope."""

from __future__ import annotations

from dataclasses import dataclass, field

from entrypoints.http.dto import FieldErrorOut


@dataclass(frozen=True, slots=True)
class HttpError:
    status: int
    slug: str
    title: str
    detail: str
    errors: list[FieldErrorOut] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
