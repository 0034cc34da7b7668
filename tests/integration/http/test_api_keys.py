"""/v1/api_keys (API.md section 10): a key is shown once, listed without its secret, revoked
with every login it opened (at once, though the login is remembered); another merchant's
key is 404; a disabled merchant is refused."""

from __future__ import annotations

from entrypoints.runtime.container_use import resolve
from tests.integration.http.conftest import log_in, register

LOGIN = "/v1/auth/generate_access_token"


async def test_a_new_key_is_shown_once_and_listed_without_its_secret(
    client, auth, merchant, database
) -> None:
    created = await client.post("/v1/api_keys", headers=auth)
    listed = await client.get("/v1/api_keys", headers=auth)

    assert created.status_code == 201 and listed.status_code == 200
    new = created.json()
    assert new["api_key"].startswith("sk_") and new["prefix"] == "sk_"
    assert new["last4"] == new["api_key"][-4:] and new["expires_at"] is None
    body = listed.json()
    assert body["has_more"] is False
    assert [k["id"] for k in body["data"]][-1] == new["id"] and len(body["data"]) == 2
    secrets = {new["api_key"], merchant.api_key, *(k.hash for k in database.api_keys.values())}
    assert not any(secret in listed.text for secret in secrets)
    assert set(body["data"][0]) == {"id", "prefix", "last4", "created_at", "expires_at"}
    for answer in (created, listed):
        assert answer.headers["cache-control"] == "no-store"
    login = {"email": merchant.merchant.email, "api_key": new["api_key"]}
    assert (await client.post(LOGIN, json=login)).status_code == 200


async def test_a_revoked_key_and_its_logins_stop_at_once(client, auth, merchant) -> None:
    new = (await client.post("/v1/api_keys", headers=auth)).json()
    login = {"email": merchant.merchant.email, "api_key": new["api_key"]}
    tokens = (await client.post(LOGIN, json=login)).json()["data"]["token"]
    by_new_key = {"Authorization": f"Bearer {tokens['access']['token']}"}
    assert (await client.get("/v1/payments", headers=by_new_key)).status_code == 200

    revoked = await client.delete(f"/v1/api_keys/{new['id']}", headers=auth)

    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert "api_key" not in revoked.json()
    assert (await client.get("/v1/payments", headers=by_new_key)).status_code == 401
    assert (await client.post(LOGIN, json=login)).status_code == 401
    assert (await client.get("/v1/payments", headers=auth)).status_code == 200  # the other key


async def test_another_merchants_key_is_not_found_and_the_last_key_stays(
    client, auth, container
) -> None:
    other = await register(container, "other@example.com")
    other_auth = {"Authorization": f"Bearer {(await log_in(client, other))['access']['token']}"}
    (theirs,) = (await client.get("/v1/api_keys", headers=other_auth)).json()["data"]

    foreign = await client.delete(f"/v1/api_keys/{theirs['id']}", headers=auth)
    unknown = await client.delete("/v1/api_keys/not-a-key", headers=auth)
    last = await client.delete(f"/v1/api_keys/{theirs['id']}", headers=other_auth)

    assert foreign.status_code == unknown.status_code == 404
    assert foreign.headers["content-type"] == "application/problem+json"
    assert last.status_code == 409 and last.json()["type"].endswith(":last-active-key")
    assert (await client.get("/v1/api_keys", headers=other_auth)).json()["data"] == [theirs]


async def test_a_disabled_merchant_is_refused_everywhere(client, auth, merchant, container):
    disable = await resolve(container.disable_merchant)
    await disable(merchant.merchant.email)

    login = {"email": merchant.merchant.email, "api_key": merchant.api_key}
    assert (await client.get("/v1/payments", headers=auth)).status_code == 401
    refused = await client.post(LOGIN, json=login)
    assert refused.status_code == 401
    assert refused.json() == {"success": False, "message": "invalid credentials"}
