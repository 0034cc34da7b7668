"""Swagger UI and ReDoc served by the gateway itself, with their assets: the pages work
on a machine without internet access. The assets are vendored, unchanged, in the
repository's `vendor/openapi-assets/` (its README.md gives their versions and licences):
outside the source tree, so linters and code checks never read minified third-party code.
A built wheel carries them next to this module, as `assets/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Router
from litestar.datastructures import CacheControlHeader
from litestar.openapi.plugins import JsonRenderPlugin, RedocRenderPlugin, SwaggerRenderPlugin
from litestar.static_files import create_static_files_router

from entrypoints.http.openapi.document import complete_document


def _assets_dir() -> Path:
    """The installed copy (wheel, image) or, running from a checkout, the vendored one."""
    installed = Path(__file__).parent / "assets"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[4] / "vendor" / "openapi-assets"


ASSETS_DIR = _assets_dir()
ASSETS_PATH = "/schema/assets"
_SWAGGER = f"{ASSETS_PATH}/swagger-ui"
_FAVICON = f"<link rel='icon' type='image/png' href='{_SWAGGER}/favicon-32x32.png'>"


class _Completed:
    """Renders the completed document (computed once per app) instead of Litestar's."""

    _document: dict[str, Any] | None = None

    def completed(self, generated: dict[str, Any]) -> dict[str, Any]:
        if self._document is None:
            self._document = complete_document(generated)
        return self._document


class OpenAPIJson(_Completed, JsonRenderPlugin):
    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, self.completed(openapi_schema))


class SwaggerUI(_Completed, SwaggerRenderPlugin):
    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, self.completed(openapi_schema))


class ReDoc(_Completed, RedocRenderPlugin):
    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, self.completed(openapi_schema))


def render_plugins() -> list[Any]:
    return [
        SwaggerUI(
            js_url=f"{_SWAGGER}/swagger-ui-bundle.js",
            css_url=f"{_SWAGGER}/swagger-ui.css",
            standalone_preset_js_url=f"{_SWAGGER}/swagger-ui-standalone-preset.js",
            favicon=_FAVICON,
        ),
        ReDoc(
            js_url=f"{ASSETS_PATH}/redoc/redoc.standalone.js",
            google_fonts=False,
            favicon=_FAVICON,
        ),
        OpenAPIJson(),
    ]


def assets_router() -> Router:
    return create_static_files_router(
        path=ASSETS_PATH,
        directories=[ASSETS_DIR],
        name="docs-assets",
        cache_control=CacheControlHeader(max_age=86400, public=True),
        include_in_schema=False,
    )
