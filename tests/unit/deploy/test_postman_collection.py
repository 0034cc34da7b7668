"""The Postman collection is a v2.1 collection covering every route of API.md, with tests."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.deploy.documented import POSTMAN

COLLECTION = POSTMAN / "paygate.postman_collection.json"
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

# Every route of the HTTP contract (docs/API.md, sections 2, 3, 4, 6, 7 and 9).
API_ROUTES = {
    ("POST", "/v1/auth/generate_access_token"),
    ("POST", "/v1/auth/refresh"),
    ("POST", "/v1/payments"),
    ("GET", "/v1/payments"),
    ("GET", "/v1/payments/{id}"),
    ("POST", "/v1/payments/{id}/captures"),
    ("POST", "/v1/payments/{id}/voids"),
    ("POST", "/v1/payments/{id}/refunds"),
    ("POST", "/v1/process-payment"),
    ("GET", "/v1/get-payment"),
    ("POST", "/v1/api_keys"),
    ("GET", "/v1/api_keys"),
    ("DELETE", "/v1/api_keys/{id}"),
    ("GET", "/v1/events"),
    ("GET", "/v1/events/{id}"),
    ("POST", "/v1/webhook_endpoints"),
    ("GET", "/v1/webhook_endpoints"),
    ("DELETE", "/v1/webhook_endpoints/{id}"),
    ("GET", "/health"),
    ("GET", "/ready"),
    ("GET", "/metrics"),
    ("GET", "/schema/openapi.json"),
    ("GET", "/schema/swagger"),
    ("GET", "/swagger"),
}
_VARIABLE = re.compile(r"^\{\{[^}]+\}\}$")


def _collection() -> dict[str, Any]:
    return json.loads(COLLECTION.read_text())


def _requests(items: list[dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    for item in _collection()["item"] if items is None else items:
        if "item" in item:
            yield from _requests(item["item"])
        else:
            yield item


def _route(item: dict[str, Any]) -> tuple[str, str]:
    segments = ["{id}" if _VARIABLE.match(s) else s for s in item["request"]["url"]["path"]]
    return item["request"]["method"], "/" + "/".join(segments)


def _script(item: dict[str, Any], listen: str) -> str:
    return "\n".join(
        line for event in item.get("event", []) if event["listen"] == listen
        for line in event["script"]["exec"]
    )  # fmt: skip


def _names() -> list[str]:
    return [item["name"] for item in _requests()]


def _by_name(name: str) -> dict[str, Any]:
    return next(item for item in _requests() if item["name"] == name)


def test_it_is_a_v2_1_collection() -> None:
    collection = _collection()
    assert collection["info"]["schema"] == SCHEMA
    assert collection["info"]["name"] == "paygate"
    assert collection["item"]


def test_every_route_of_the_contract_is_requested() -> None:
    assert {_route(item) for item in _requests()} == API_ROUTES


def test_every_url_starts_at_base_url() -> None:
    for item in _requests():
        assert item["request"]["url"]["raw"].startswith("{{base_url}}/"), item["name"]


@pytest.mark.parametrize("name", _names())
def test_every_request_tests_its_status_code(name: str) -> None:
    tests = _script(_by_name(name), "test")
    assert "pm.test(" in tests
    assert re.search(r"to\.have\.status\(\d{3}\)|pm\.response\.code", tests)


def test_the_collection_logs_in_by_itself_when_no_token_is_cached() -> None:
    collection = _collection()
    variables = {variable["key"] for variable in collection["variable"]}
    assert {"base_url", "email", "api_key", "access_token"} <= variables
    login = _script(collection, "prerequest")
    assert "/v1/auth/generate_access_token" in login
    assert "pm.collectionVariables.set('access_token'" in login
    assert collection["auth"]["bearer"][0]["value"] == "{{access_token}}"


def test_the_payment_id_is_chained_from_the_post_to_the_gets() -> None:
    assert "set('payment_id'" in _script(_by_name("Create: 201 Authorized"), "test")
    gets = [i for i in _requests() if _route(i) == ("GET", "/v1/payments/{id}")]
    assert any(i["request"]["url"]["path"][-1] == "{{payment_id}}" for i in gets)


def test_the_list_is_paged_with_the_cursor_of_the_first_page() -> None:
    first = _script(_by_name("List: 200 newest first, no-store"), "test")
    assert "set('list_cursor'" in first and "no-store" in first
    url = _by_name("List the next page of today's Authorized: 200")["request"]["url"]
    query = {q["key"]: q["value"] for q in url["query"]}
    assert query["starting_after"] == "{{list_cursor}}"
    assert {"status", "created_gte", "created_lt"} <= query.keys()


PAYMENT_POSTS = {("POST", "/v1/payments"), ("POST", "/v1/process-payment")}


@pytest.mark.parametrize(
    "item", [i for i in _requests() if _route(i) in PAYMENT_POSTS], ids=lambda item: item["name"]
)
def test_payment_posts_carry_a_fresh_idempotency_key(item: dict[str, Any]) -> None:
    headers = {header["key"]: header["value"] for header in item["request"]["header"]}
    key = headers["Idempotency-Key"]
    if key != "{{$guid}}":
        # A key shared by a request and its replays is generated once per run.
        variable = key.strip("{}")
        set_by_script = f"set('{variable}', pm.variables.replaceIn('{{{{$guid}}}}'))"
        assert any(set_by_script in _script(i, "prerequest") for i in _requests())


def test_json_bodies_parse_except_the_deliberately_broken_one() -> None:
    broken = set()
    for item in _requests():
        raw = item["request"].get("body", {}).get("raw")
        if raw is None:
            continue
        try:
            json.loads(re.sub(r"\{\{[^}]+\}\}", "0", raw))
        except json.JSONDecodeError:
            broken.add(item["name"])
    assert broken == {"Create with broken JSON: 400"}


def test_the_environment_names_the_three_inputs() -> None:
    environment = json.loads((POSTMAN / "paygate.postman_environment.json").read_text())
    assert {value["key"] for value in environment["values"]} == {"base_url", "email", "api_key"}


def test_newman_is_pinned_and_locked() -> None:
    package = json.loads((POSTMAN / "package.json").read_text())
    version = package["devDependencies"]["newman"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    lock = json.loads((POSTMAN / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/newman"]["version"] == version


def test_the_runner_script_is_valid_bash() -> None:
    subprocess.run(["bash", "-n", str(POSTMAN / "run.sh")], check=True)
