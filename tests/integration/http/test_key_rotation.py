"""A rotation's overlap over HTTP: both keys work until it ends, then only the new one.

The overlap ends by the clock, not by an event, so a process that remembers a login it
found signed in may let it in for up to PAYGATE_AUTH_CACHE_SECONDS more (the documented
staleness bound); this app remembers nothing, so the end is exact.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from entrypoints.runtime.container_use import resolve
from tests.integration.http.conftest import make_container

LOGIN = "/v1/auth/generate_access_token"


@pytest.fixture
def container(database, bank, clock):
    return make_container(database, bank, clock, auth_cache_seconds=0.0)


async def test_a_rotation_with_overlap_keeps_both_keys_until_it_ends(
    client, merchant, container, clock
) -> None:
    rotate = await resolve(container.rotate_api_key)
    issued = await rotate(merchant.merchant.email, timedelta(minutes=10))
    email = merchant.merchant.email

    old_login = await client.post(LOGIN, json={"email": email, "api_key": merchant.api_key})
    old_auth = {"Authorization": f"Bearer {old_login.json()['data']['token']['access']['token']}"}
    listed = (await client.get("/v1/api_keys", headers=old_auth)).json()["data"]
    clock.advance(timedelta(minutes=10))

    assert old_login.status_code == 200
    assert [k["expires_at"] is not None for k in listed] == [True, False]
    assert (await client.get("/v1/payments", headers=old_auth)).status_code == 401
    again = await client.post(LOGIN, json={"email": email, "api_key": merchant.api_key})
    assert again.status_code == 401
    new = await client.post(LOGIN, json={"email": email, "api_key": issued.secret})
    assert new.status_code == 200
