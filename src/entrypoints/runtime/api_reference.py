"""Writes docs/api-reference.md from the document the gateway serves:

    uv run python -m entrypoints.runtime.api_reference > docs/api-reference.md

It builds the app the way running the gateway does, which the HTTP adapter may not do.
"""

from __future__ import annotations

from typing import Any

from entrypoints.http.openapi import complete_document
from entrypoints.http.openapi.reference import render
from entrypoints.runtime.container_use import build_container
from entrypoints.runtime.gateway_app import gateway_app
from entrypoints.runtime.settings import Settings


def served_document() -> dict[str, Any]:
    """The document of an app built with default settings (nothing is connected)."""
    settings = Settings(jwt_secret="reference-" + "x" * 40, bank_url="http://127.0.0.1:9")
    app = gateway_app(build_container(settings), settle_in_background=False)
    return complete_document(app.openapi_schema.to_schema())


if __name__ == "__main__":  # pragma: no cover - the test calls served_document() itself
    print(render(served_document()), end="")
