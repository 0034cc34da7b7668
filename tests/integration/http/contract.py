"""Checks an HTTP response against the gateway's OpenAPI document: the route and status are
documented, the content type is, the body validates against the documented schema, and the
headers the gateway sets (X-Request-ID, Location, ...) are documented for that response."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from litestar.testing import TestClient

# The headers the gateway itself sets; any of them on a response must be documented there.
OWN_HEADERS = {
    "x-request-id", "location", "idempotent-replayed", "retry-after", "www-authenticate",
    "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Answer:
    method: str
    path: str
    status: int
    headers: dict[str, str]
    body: bytes


@cache
def served_document() -> dict[str, Any]:
    """The document as GET /schema/openapi.json serves it, from an app on in-memory fakes."""
    from adapters.memory import InMemoryBank, ManualClock
    from entrypoints.runtime.gateway_app import gateway_app
    from tests.integration.http.conftest import MemoryDatabase, make_container

    container = make_container(MemoryDatabase(), InMemoryBank(), ManualClock(datetime.now(UTC)))
    with TestClient(gateway_app(container, settle_in_background=False)) as client:
        response = client.get("/schema/openapi.json")
    assert response.status_code == 200
    return response.json()


def validator_for(schema: dict[str, Any], document: dict[str, Any]) -> Draft202012Validator:
    """A validator whose `#/components/...` references resolve inside the document."""
    rooted = dict(schema) | {"components": document["components"]}
    return Draft202012Validator(rooted, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(schema: dict[str, Any], value: Any, document: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<body>'}: {error.message}"
        for error in validator_for(schema, document).iter_errors(value)
    ]


def operation_for(document: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    for template, item in document["paths"].items():
        pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return item[method.lower()]
    return None


def resolve(node: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def violations(answer: Answer, document: dict[str, Any]) -> Iterator[str]:
    where = f"{answer.method} {answer.path} -> {answer.status}"
    operation = operation_for(document, answer.method, answer.path)
    if operation is None:
        return
    spec = operation["responses"].get(str(answer.status))
    if spec is None:
        yield f"{where}: status not documented ({sorted(operation['responses'])})"
        return
    yield from _header_violations(where, answer, spec, document)
    content = spec.get("content")
    if not content:
        if answer.body:
            yield f"{where}: a body was sent but none is documented"
        return
    media_type = answer.headers.get("content-type", "").split(";")[0].strip()
    documented = {key.split(";")[0].strip(): value for key, value in content.items()}
    if media_type not in documented:
        yield f"{where}: content type {media_type!r} not in {sorted(documented)}"
        return
    schema = documented[media_type]["schema"]
    body = json.loads(answer.body) if media_type.endswith("json") else answer.body.decode()
    yield from (f"{where}: {error}" for error in schema_errors(schema, body, document))


def _header_violations(
    where: str, answer: Answer, spec: dict[str, Any], document: dict[str, Any]
) -> Iterator[str]:
    documented = {name.lower(): resolve(h, document) for name, h in spec["headers"].items()}
    for name, header in documented.items():
        if header.get("required") and name not in answer.headers:
            yield f"{where}: required header {name} missing"
        if name in answer.headers:
            value: Any = answer.headers[name]
            if header["schema"].get("type") == "integer":
                value = int(value) if value.isdigit() else value
            for error in schema_errors(header["schema"], value, document):
                yield f"{where}: header {name}: {error}"
    for name in OWN_HEADERS & set(answer.headers) - set(documented):
        yield f"{where}: header {name} sent but not documented"
