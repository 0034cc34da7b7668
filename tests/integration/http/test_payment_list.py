"""GET /v1/payments: pages, cursors, filters, bad parameters and merchant isolation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.http.conftest import VISA_EVEN, log_in, payment_body, register

PROBLEM = "application/problem+json"
PARAMETERS = [
    "limit",
    "starting_after",
    "ending_before",
    "status",
    "reference",
    "created_gte",
    "created_lt",
]


async def create(client, auth, clock, n: int, **body) -> list[dict]:
    """n payments, a second apart, oldest first."""
    made = []
    for _ in range(n):
        response = await client.post("/v1/payments", json=payment_body(**body), headers=auth)
        assert response.status_code == 201, response.text
        made.append(response.json())
        clock.advance(timedelta(seconds=1))
    return made


async def ids(client, auth, query: str = "") -> tuple[list[str], bool]:
    response = await client.get(f"/v1/payments{query}", headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"data", "has_more"}
    return [p["id"] for p in body["data"]], body["has_more"]


async def test_pages_are_newest_first_and_each_item_is_the_resource(client, auth, clock) -> None:
    made = await create(client, auth, clock, 3)
    response = await client.get("/v1/payments?limit=2", headers=auth)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"] == "application/json"
    page = response.json()
    assert page["has_more"] is True
    for item in page["data"]:
        assert item == (await client.get(f"/v1/payments/{item['id']}", headers=auth)).json()
    assert [p["id"] for p in page["data"]] == [made[2]["id"], made[1]["id"]]
    rest = await ids(client, auth, f"?limit=2&starting_after={made[1]['id']}")
    assert rest == ([made[0]["id"]], False)
    # ending_before: the page just newer than the cursor, still newest first.
    assert await ids(client, auth, f"?limit=1&ending_before={made[0]['id']}") == (
        [made[1]["id"]],
        True,
    )
    assert await ids(client, auth, f"?ending_before={made[0]['id']}") == (
        [made[2]["id"], made[1]["id"]],
        False,
    )


async def test_no_payments_is_an_empty_page(client, auth) -> None:
    assert await ids(client, auth) == ([], False)


async def test_the_default_page_is_ten(client, auth, clock) -> None:
    await create(client, auth, clock, 11)
    found, has_more = await ids(client, auth)
    assert (len(found), has_more) == (10, True)


async def test_filters_by_status_reference_and_a_time_window(client, auth, clock) -> None:
    first, second = await create(client, auth, clock, 2, reference="order-1")
    (declined,) = await create(client, auth, clock, 1, card_number=VISA_EVEN, reference="b")
    assert await ids(client, auth, "?status=Declined") == ([declined["id"]], False)
    assert await ids(client, auth, "?status=Authorized&reference=order-1") == (
        [second["id"], first["id"]],
        False,
    )
    gte, lt = second["created_at"], declined["created_at"]
    # created_gte includes its bound, created_lt excludes it.
    assert await ids(client, auth, f"?created_gte={gte}&created_lt={lt}") == (
        [second["id"]],
        False,
    )
    offset = (await client.get(f"/v1/payments?created_gte={gte[:-1]}%2B00:00", headers=auth)).json()
    assert [p["id"] for p in offset["data"]] == [declined["id"], second["id"]]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("limit=", "limit"),
        ("status=Nope", "status"),
        ("created_gte=yesterday", "created_gte"),
        ("created_lt=2026-01-15", "created_lt"),
        ("created_gte=2026-01-15T00:00:00+02:00", "created_gte"),  # + unencoded: a space
        ("starting_after=not-an-id", "starting_after"),
        ("ending_before=00000000-0000-0000-0000-000000000000", "ending_before"),
        ("starting_after=x&ending_before=y", "ending_before"),
        ("reference=%00", "reference"),
        ("limit=1&limit=2", "limit"),
        ("colour=red", "colour"),
        ("created[gte]=1", "created[gte]"),
    ],
)
async def test_a_bad_parameter_is_a_400_problem_naming_it(client, auth, query, field) -> None:
    response = await client.get(f"/v1/payments?{query}", headers=auth)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == PROBLEM
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_listing_needs_authentication(client) -> None:
    response = await client.get("/v1/payments")
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    bad = await client.get("/v1/payments", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


async def test_a_merchant_never_sees_nor_pages_from_anothers_payments(
    client, auth, clock, container
) -> None:
    (mine,) = await create(client, auth, clock, 1)
    other = await register(container, "other@example.com")
    other_auth = {"Authorization": f"Bearer {(await log_in(client, other))['access']['token']}"}
    (theirs,) = await create(client, other_auth, clock, 1)
    assert await ids(client, auth) == ([mine["id"]], False)
    assert await ids(client, other_auth) == ([theirs["id"]], False)
    unknown = await client.get(
        "/v1/payments?starting_after=00000000-0000-7000-8000-000000000000", headers=auth
    )
    for parameter in ("starting_after", "ending_before"):
        response = await client.get(f"/v1/payments?{parameter}={theirs['id']}", headers=auth)
        assert response.status_code == 400
        # Word for word what an id that exists nowhere gets: nothing is revealed.
        assert response.json()["errors"][0]["message"] == unknown.json()["errors"][0]["message"]
        assert theirs["id"] not in response.text


texts = st.text(max_size=40) | st.sampled_from(["0", "100", "Authorized", "2026-01-15T00:00:00Z"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(st.sampled_from([*PARAMETERS, "other"]), texts, max_size=4))
async def test_whatever_the_parameters_the_answer_is_200_or_400(client, auth, params) -> None:
    response = await client.get("/v1/payments", params=params, headers=auth)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert response.headers["content-type"] == PROBLEM
