"""POST, GET and DELETE /v1/webhook_endpoints through the real app."""

from __future__ import annotations

import pytest
from dependency_injector import providers
from litestar.testing import AsyncTestClient

from entrypoints.runtime.gateway_app import gateway_app
from tests.integration.http.conftest import log_in, make_container, register

PATH = "/v1/webhook_endpoints"
BODY = {"url": "https://shop.example.com/hooks", "events": ["payment.captured"], "description": "d"}


async def test_register_list_and_delete(client, auth, database) -> None:
    created = await client.post(PATH, json=BODY, headers=auth)
    assert created.status_code == 201, created.text
    endpoint = created.json()
    assert endpoint["id"].startswith("we_") and len(endpoint["id"]) == 35
    assert endpoint["secret"].startswith("whsec_")
    assert {k: endpoint[k] for k in BODY} == BODY
    # Sealed at rest: the stored bytes do not hold the secret.
    sealed = database.webhook_state.endpoints[endpoint["id"]][1]
    assert endpoint["secret"].encode() not in sealed

    listed = await client.get(PATH, headers=auth)
    assert listed.status_code == 200
    assert listed.headers["cache-control"] == "no-store"
    assert listed.json() == {
        "data": [{k: v for k, v in endpoint.items() if k != "secret"}],
        "has_more": False,
    }
    assert "whsec_" not in listed.text

    deleted = await client.delete(f"{PATH}/{endpoint['id']}", headers=auth)
    assert (deleted.status_code, deleted.json()) == (200, {"id": endpoint["id"], "deleted": True})
    assert (await client.get(PATH, headers=auth)).json()["data"] == []
    again = await client.delete(f"{PATH}/{endpoint['id']}", headers=auth)
    assert again.status_code == 404


async def test_another_merchants_endpoint_is_not_found(client, auth, container) -> None:
    endpoint = (await client.post(PATH, json=BODY, headers=auth)).json()
    other = await log_in(client, await register(container, "other@example.com"))
    other_auth = {"Authorization": f"Bearer {other['access']['token']}"}

    assert (await client.get(PATH, headers=other_auth)).json()["data"] == []
    response = await client.delete(f"{PATH}/{endpoint['id']}", headers=other_auth)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert len((await client.get(PATH, headers=auth)).json()["data"]) == 1


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"url": "ftp://x.example/", "events": ["payment.shipped"]}, ["url", "events"]),
        ({"url": "https://x.example/", "events": "*"}, ["events"]),
        ({}, ["url", "events"]),
    ],
)
async def test_bad_fields_are_400_problems_naming_each(client, auth, body, fields) -> None:
    response = await client.post(PATH, json=body, headers=auth)
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == fields


async def test_limits_and_paging(client, auth) -> None:
    ids = [(await client.post(PATH, json=BODY, headers=auth)).json()["id"] for _ in range(3)]
    page = (await client.get(PATH, params={"limit": "2"}, headers=auth)).json()
    assert ([e["id"] for e in page["data"]], page["has_more"]) == (ids[:2], True)
    rest = (await client.get(PATH, params={"starting_after": ids[1]}, headers=auth)).json()
    assert [e["id"] for e in rest["data"]] == ids[2:]
    for bad in ("0", "101", "ten"):
        response = await client.get(PATH, params={"limit": bad}, headers=auth)
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "limit"


async def test_unauthenticated_is_401(client) -> None:
    assert (await client.post(PATH, json=BODY)).status_code == 401
    assert (await client.get(PATH)).status_code == 401


class Resolver:
    async def addresses(self, host: str) -> list[str]:
        return {"metadata.example": ["169.254.169.254"]}.get(host, ["93.184.216.34"])


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://10.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest",
     "http://metadata.example/", "http://224.0.0.1/", "http://0.0.0.0/", "http://[fd00::1]/"],
)  # fmt: skip
async def test_forbidden_destinations_are_refused_unless_allowed(
    database, bank, clock, url
) -> None:
    container = make_container(database, bank, clock, webhook_allow_private=False)
    container.webhooks.resolver.override(providers.Object(Resolver()))
    async with AsyncTestClient(gateway_app(container)) as client:
        tokens = await log_in(client, await register(container, "ssrf@example.com"))
        auth = {"Authorization": f"Bearer {tokens['access']['token']}"}
        response = await client.post(PATH, json={"url": url, "events": ["*"]}, headers=auth)
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0]["field"] == "url"
        public = await client.post(
            PATH, json={"url": "https://ok.example/", "events": ["*"]}, headers=auth
        )
        assert public.status_code == 201
