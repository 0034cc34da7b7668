"""docs/api-reference.md, rendered from the OpenAPI document the gateway serves (written by
`uv run python -m entrypoints.runtime.api_reference > docs/api-reference.md`).

A test renders it again and compares, so the reference cannot drift from the document.
"""

from __future__ import annotations

import json
from typing import Any

Json = dict[str, Any]
HEADER = """\
<!-- Generated from the OpenAPI document by `uv run python -m entrypoints.runtime.api_reference
     > docs/api-reference.md`; edit src/entrypoints/http/openapi/, not this file. -->
# API reference

Every operation of the gateway, as its OpenAPI document (`GET /schema/openapi.json`)
describes it; a running gateway shows the same in Swagger UI (`/schema/swagger`) and ReDoc
(`/schema/redoc`). How to use it, step by step: [getting started](getting-started.md);
the contract in prose: [API.md](API.md).
"""


def render(document: Json) -> str:
    out = [HEADER, _info(document)]
    for tag in document["tags"]:
        out.append(f"## {tag['name']}\n\n{tag['description']}\n")
        for path, item in document["paths"].items():
            for method, operation in item.items():
                if operation["tags"] == [tag["name"]]:
                    out.append(_operation(document, method, path, operation))
    out.append(_components(document))
    return "\n".join(out).rstrip() + "\n"


def _info(document: Json) -> str:
    schemes = document["components"]["securitySchemes"]
    lines = [document["info"]["description"], "### Authentication\n"]
    lines += [f"- `{name}`: {scheme['description']}" for name, scheme in schemes.items()]
    lines += ["", "### Response headers\n"]
    headers = document["components"]["headers"]
    lines += [f"- `{name}`: {header['description']}" for name, header in headers.items()]
    return "\n".join(lines) + "\n"


def _operation(document: Json, method: str, path: str, operation: Json) -> str:
    lines = [f"### {operation['summary']}\n", f"`{method.upper()} {path}`\n"]
    if operation.get("description"):
        lines.append(operation["description"] + "\n")
    names = [next(iter(r)) for r in operation["security"]]
    auth = " or ".join(f"`{name}`" for name in names) if names else "none"
    lines.append(f"Authentication: {auth}.\n")
    parameters = [p for p in operation.get("parameters", []) if "name" in p]
    if parameters:
        lines += ["| parameter | in | schema | description |", "|---|---|---|---|"]
        for p in parameters:
            lines.append(
                f"| `{p['name']}` | {p['in']} | {_type(p['schema'])} | "
                f"{_cell(p.get('description', ''))} |"
            )
        lines.append("")
    if body := operation.get("requestBody"):
        media = next(iter(body["content"].values()))
        lines += ["Request body (`application/json`):\n", _properties(media["schema"])]
        lines += _first_example(media)
    lines += ["| status | body | headers | meaning |", "|---|---|---|---|"]
    for status, response in operation["responses"].items():
        content = response.get("content", {})
        bodies = ", ".join(f"{_type(m['schema'])} (`{t}`)" for t, m in content.items())
        headers = ", ".join(f"`{name}`" for name in response.get("headers", {}))
        lines.append(f"| {status} | {bodies} | {headers} | {_cell(response['description'])} |")
    lines.append("")
    for status, response in operation["responses"].items():
        for media in response.get("content", {}).values():
            for example in media.get("examples", {}).values():
                lines += [f"{status}, {example['summary']}:\n", _block(example["value"])]
    return "\n".join(lines)


def _first_example(media: Json) -> list[str]:
    examples = list(media.get("examples", {}).values())
    return (
        [f"Example, {examples[0]['summary']}:\n", _block(examples[0]["value"])] if examples else []
    )


def _components(document: Json) -> str:
    lines = ["## Schemas\n"]
    for name, schema in document["components"]["schemas"].items():
        lines += [f"### {name}\n", _cell(schema.get("description", "")) + "\n"]
        if "properties" in schema:
            lines.append(_properties(schema))
        elif "enum" in schema:
            lines.append("One of " + ", ".join(f"`{v}`" for v in schema["enum"]) + ".\n")
    return "\n".join(lines)


def _properties(schema: Json) -> str:
    required = set(schema.get("required", []))
    rows = ["| field | type | required | description |", "|---|---|---|---|"]
    for name, prop in schema["properties"].items():
        rows.append(
            f"| `{name}` | {_type(prop)} | {'yes' if name in required else 'no'} | "
            f"{_cell(prop.get('description', ''))} |"
        )
    return "\n".join(rows) + "\n"


def _type(schema: Json) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#{name.lower()})"
    if "oneOf" in schema:
        return " or ".join(_type(s) for s in schema["oneOf"])
    kind = schema.get("type", "any")
    text = " or ".join(kind) if isinstance(kind, list) else kind
    if kind == "array":
        text = f"array of {_type(schema['items'])}"
    if kind == "object" and "properties" in schema:
        text = "object (" + ", ".join(f"`{p}`" for p in schema["properties"]) + ")"
    facets = [
        f"{label} {_literal(schema[key])}"
        for key, label in [
            ("enum", "one of"),
            ("const", "always"),
            ("pattern", "pattern"),
            ("minimum", "≥"),
            ("maximum", "≤"),
            ("minLength", "length ≥"),
            ("maxLength", "length ≤"),
            ("format", "format"),
        ]
        if key in schema
    ]
    return _cell(text + (", " + ", ".join(facets) if facets else ""))


def _literal(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_literal(item) for item in value)
    return f"`{value if isinstance(value, str) else json.dumps(value)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _block(value: Any) -> str:
    if isinstance(value, str):
        return f"```text\n{value.rstrip()}\n```\n"
    return f"```json\n{json.dumps(value, indent=2, ensure_ascii=False)}\n```\n"
