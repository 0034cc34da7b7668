"""GET /v1/events and GET /v1/events/{id}: an event for every change, as the payment
resource showed it right after; pages, the type filter, deliveries, merchant isolation."""

from __future__ import annotations

from datetime import timedelta

from adapters.memory import InMemoryStore
from paycore.events import DeliveryStatus, EventDelivery
from tests.integration.http.conftest import VISA_EVEN, log_in, payment_body, register
from tests.unit.adapters.deliveries_sql import record_in_memory

PROBLEM = "application/problem+json"


async def pay(client, auth, clock, **body) -> dict:
    response = await client.post("/v1/payments", json=payment_body(**body), headers=auth)
    assert response.status_code == 201, response.text
    clock.advance(timedelta(seconds=1))
    return response.json()


async def events(client, auth, query: str = "") -> dict:
    response = await client.get(f"/v1/events{query}", headers=auth)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    return response.json()


async def test_each_payment_outcome_is_an_event_carrying_the_resource(client, auth, clock) -> None:
    authorized = await pay(client, auth, clock)
    declined = await pay(client, auth, clock, card_number=VISA_EVEN)
    page = await events(client, auth)
    assert page["has_more"] is False
    assert [(e["type"], e["data"]["payment"]["id"]) for e in page["data"]] == [
        ("payment.declined", declined["id"]),
        ("payment.authorized", authorized["id"]),
    ]
    for event in page["data"]:
        assert set(event) == {"id", "type", "created_at", "data"}
        assert event["created_at"] == event["data"]["payment"]["updated_at"]
    # Exactly what GET /v1/payments/{id} showed right after the change.
    assert page["data"][1]["data"]["payment"] == authorized


async def test_a_capture_is_one_more_event_and_the_old_one_keeps_its_snapshot(
    client, auth, clock
) -> None:
    payment = await pay(client, auth, clock)
    captured = await client.post(
        f"/v1/payments/{payment['id']}/captures", json={"amount": 500}, headers=auth
    )
    assert captured.status_code == 201, captured.text
    newest, oldest = (await events(client, auth))["data"]
    assert newest["type"] == "payment.captured"
    assert newest["data"]["payment"] == captured.json()
    assert newest["data"]["payment"]["status"] == "PartiallyCaptured"
    assert oldest["data"]["payment"] == payment  # immutable: still as it was then


async def test_events_page_by_cursor_and_filter_by_type(client, auth, clock) -> None:
    for card in ["4111 1111 1111 1111", VISA_EVEN, "4111 1111 1111 1111", VISA_EVEN]:
        await pay(client, auth, clock, card_number=card)
    every = [e["id"] for e in (await events(client, auth))["data"]]
    first = await events(client, auth, "?limit=3")
    assert ([e["id"] for e in first["data"]], first["has_more"]) == (every[:3], True)
    rest = await events(client, auth, f"?limit=3&starting_after={every[2]}")
    assert ([e["id"] for e in rest["data"]], rest["has_more"]) == (every[3:], False)
    back = await events(client, auth, f"?limit=2&ending_before={every[3]}")
    assert ([e["id"] for e in back["data"]], back["has_more"]) == (every[1:3], True)
    declined = await events(client, auth, "?type=payment.declined")
    assert [e["id"] for e in declined["data"]] == [every[0], every[2]]
    assert {e["type"] for e in declined["data"]} == {"payment.declined"}


async def test_a_bad_parameter_is_a_problem_naming_it(client, auth) -> None:
    for query, fields in [
        ("?type=payment.created", ["type"]),
        ("?limit=0&starting_after=nope", ["limit", "starting_after"]),
        ("?starting_after=evt_" + "a" * 32, ["starting_after"]),  # not one of yours
        ("?status=Authorized", ["status"]),  # a payments filter, not an events one
        ("?type=payment.declined&type=payment.failed", ["type"]),
    ]:
        response = await client.get(f"/v1/events{query}", headers=auth)
        assert response.status_code == 400, query
        assert response.headers["content-type"] == PROBLEM
        assert [e["field"] for e in response.json()["errors"]] == fields, query


async def test_an_event_is_retrieved_with_its_deliveries(
    client, auth, clock, database: InMemoryStore
) -> None:
    await pay(client, auth, clock)
    [listed] = (await events(client, auth))["data"]
    response = await client.get(f"/v1/events/{listed['id']}", headers=auth)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.json() == listed | {"deliveries": []}

    delivery = EventDelivery(
        listed["id"], "we_" + "1" * 32, 2, DeliveryStatus.PENDING, 503, clock.now(), None
    )
    record_in_memory(database, delivery)
    [shown] = (await client.get(f"/v1/events/{listed['id']}", headers=auth)).json()["deliveries"]
    assert shown == {
        "endpoint_id": delivery.endpoint_id,
        "attempts": 2,
        "status": "pending",
        "last_response_status": 503,
        "next_attempt_at": clock.now().isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "delivered_at": None,
    }


async def test_another_merchants_events_are_invisible(client, auth, clock, container) -> None:
    await pay(client, auth, clock)
    [mine] = (await events(client, auth))["data"]
    other = await log_in(client, await register(container, "other@example.com"))
    other_auth = {"Authorization": f"Bearer {other['access']['token']}"}
    assert (await events(client, other_auth))["data"] == []
    for path in [f"/v1/events/{mine['id']}", "/v1/events/evt_" + "0" * 32, "/v1/events/nope"]:
        response = await client.get(path, headers=other_auth)
        assert response.status_code == 404, path
        assert response.json()["detail"] == "event not found"
    refused = await client.get(f"/v1/events?starting_after={mine['id']}", headers=other_auth)
    assert refused.status_code == 400


async def test_the_events_routes_need_a_token(client) -> None:
    for path in ["/v1/events", "/v1/events/evt_" + "0" * 32]:
        assert (await client.get(path)).status_code == 401
