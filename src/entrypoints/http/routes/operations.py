"""Liveness, readiness and the Swagger shortcut."""

from __future__ import annotations

from typing import Any

import structlog
from litestar import Response, get
from litestar.di import NamedDependency
from litestar.response import Redirect

from entrypoints.http.dto import Health
from entrypoints.http.responses import json_response

log = structlog.get_logger(__name__)


@get(
    "/health",
    operation_id="health",
    tags=["Operations"],
    summary="Liveness: the process answers",
)
async def health() -> Health:
    return Health(status="ok")


@get(
    "/ready",
    operation_id="ready",
    tags=["Operations"],
    summary="Readiness: the database answers",
)
async def ready(database: NamedDependency[Any]) -> Response[Health]:
    try:
        reachable = await database.ping()
    except Exception as exc:  # any failure means "not ready", never a crash
        log.warning("readiness check failed", error=str(exc))
        reachable = False
    if reachable is False:
        return json_response(Health(status="unavailable"), 503)
    return json_response(Health(status="ok"), 200)


@get("/swagger", include_in_schema=False)
async def swagger_redirect() -> Redirect:
    return Redirect(path="/schema/swagger")
