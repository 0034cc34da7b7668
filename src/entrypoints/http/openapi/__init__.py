"""The OpenAPI document and the pages that show it (Swagger UI at /schema/swagger, ReDoc at
/schema/redoc), served from the gateway itself."""

from __future__ import annotations

from litestar.openapi import OpenAPIConfig

from entrypoints.http.openapi.document import complete_document
from entrypoints.http.openapi.ui import assets_router, render_plugins

__all__ = ["assets_router", "complete_document", "openapi_config"]


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="paygate",
        version="1.0.0",
        path="/schema",
        render_plugins=render_plugins(),
    )
