"""Completes the document Litestar derives from the routes (paths, methods, operation ids,
parameters) with what the handlers cannot declare: bodies they decode by hand, every
response they send, headers, examples, security. An operation or parameter documented
here but missing from the routes, or the reverse, is an error, so the two cannot drift."""

from __future__ import annotations

import copy
from typing import Any

from entrypoints.http.openapi.components import HEADERS, PARAMETERS, SECURITY_SCHEMES, TAGS
from entrypoints.http.openapi.operations import OPERATIONS
from entrypoints.http.openapi.schemas import SCHEMAS

_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
DESCRIPTION = """\
A card payment gateway. Log in with your email and API key (POST
/v1/auth/generate_access_token), then send payments with the access token as
`Authorization: Bearer <token>`.

- JSON in UTF-8, snake_case fields; unknown request fields are ignored.
- Amounts are integers in the currency's minor unit (USD 10.50 is `1050`), except on the
  Legacy routes, which speak major units (`10.5`).
- Errors on /v1/payments are RFC 9457 problems (`application/problem+json`) whose `type`
  is a stable URN; the authentication and legacy routes answer `{"success": false,
  "message": ...}`.
- Every response carries `X-Request-ID`.
- Send an `Idempotency-Key` with every POST /v1/payments: retrying with the same key and
  body never charges twice.
- The bank simulator's test cards (4242 4242 4242 4242 and others) are listed in the
  getting-started guide (docs/getting-started.md in the repository).
"""


class DocumentationError(ValueError):
    """The routes and the documentation of operations disagree."""


def complete_document(generated: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(generated)
    document["info"]["description"] = DESCRIPTION
    document["tags"] = TAGS
    document["components"] = {
        "schemas": SCHEMAS,
        "headers": HEADERS,
        "parameters": PARAMETERS,
        "securitySchemes": SECURITY_SCHEMES,
    }
    seen: set[str] = set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in _METHODS:
                operation_id = operation.get("operationId", f"{method} {path}")
                if operation_id not in OPERATIONS:
                    where = f"{method.upper()} {path} ({operation_id})"
                    raise DocumentationError(f"{where} is undocumented")
                _complete_operation(operation, OPERATIONS[operation_id], operation_id)
                seen.add(operation_id)
    if missing := set(OPERATIONS) - seen:
        raise DocumentationError(f"documented operations without a route: {sorted(missing)}")
    return copy.deepcopy(document)


def _complete_operation(operation: dict[str, Any], doc: dict[str, Any], name: str) -> None:
    operation["responses"] = doc["responses"]
    operation["security"] = doc["security"]
    if "requestBody" in doc:
        operation["requestBody"] = doc["requestBody"]
    documented: dict[str, Any] = doc.get("parameters", {})
    parameters = operation.get("parameters", [])
    actual = {parameter["name"] for parameter in parameters}
    if actual != set(documented):
        raise DocumentationError(f"{name}: parameters {sorted(actual)} != {sorted(documented)}")
    for parameter in parameters:
        parameter.update(documented[parameter["name"]])
        for noise in ("allowEmptyValue", "allowReserved"):
            parameter.pop(noise, None)
    parameters.append({"$ref": "#/components/parameters/X-Request-ID"})
    operation["parameters"] = parameters
