"""Follow-up actions over real HTTP: captures, refunds and voids, their limits and refusals."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.banksim.support import act, authorize, balance, held

CARD = "5555555555554444"  # GBP 1,000,000.00: room for every test of this module
UNFUNDED = "2222405343248877"  # not in the funded table: no balances, actions still apply
SUCCEEDED = {"status": "succeeded"}


def money(client: httpx.Client) -> tuple[int, int]:
    return balance(client, CARD), held(client, CARD)


def refusal(response: httpx.Response) -> tuple[int, str]:
    assert response.json()["error_message"]
    return response.status_code, response.json()["code"]


def test_a_capture_settles_held_money(client: httpx.Client) -> None:
    available, holding = money(client)
    code = authorize(client, CARD, 1_000)
    assert money(client) == (available - 1_000, holding + 1_000)
    response = act(client, code, "captures", 600)
    assert (response.status_code, response.json()) == (200, SUCCEEDED)
    assert money(client) == (available - 1_000, holding + 400)


def test_a_void_releases_the_whole_hold(client: httpx.Client) -> None:
    available, holding = money(client)
    code = authorize(client, CARD, 2_000)
    response = act(client, code, "voids")
    assert (response.status_code, response.json()) == (200, SUCCEEDED)
    assert money(client) == (available, holding)


def test_a_refund_gives_captured_money_back(client: httpx.Client) -> None:
    available, holding = money(client)
    code = authorize(client, CARD, 3_000)
    assert act(client, code, "captures", 3_000).status_code == 200
    response = act(client, code, "refunds", 1_200)
    assert (response.status_code, response.json()) == (200, SUCCEEDED)
    assert money(client) == (available - 3_000 + 1_200, holding)


def test_partial_captures_reach_the_authorized_amount_and_one_more_unit_is_refused(
    client: httpx.Client,
) -> None:
    available, holding = money(client)
    code = authorize(client, CARD, 1_000)
    for amount in (300, 300, 400):
        assert act(client, code, "captures", amount).status_code == 200
    assert refusal(act(client, code, "captures", 1)) == (422, "fully_captured")
    assert money(client) == (available - 1_000, holding)


def test_a_capture_over_what_is_left_is_refused_and_changes_nothing(
    client: httpx.Client,
) -> None:
    code = authorize(client, CARD, 1_000)
    assert act(client, code, "captures", 700).status_code == 200
    before = money(client)
    assert refusal(act(client, code, "captures", 301)) == (422, "amount_exceeds_authorization")
    assert money(client) == before
    assert act(client, code, "captures", 300).status_code == 200


def test_partial_refunds_reach_the_captured_amount_and_one_more_unit_is_refused(
    client: httpx.Client,
) -> None:
    code = authorize(client, CARD, 1_000)
    assert act(client, code, "captures", 1_000).status_code == 200
    available, holding = money(client)
    assert act(client, code, "refunds", 400).status_code == 200
    assert refusal(act(client, code, "refunds", 601)) == (422, "amount_exceeds_captured")
    assert act(client, code, "refunds", 600).status_code == 200
    assert refusal(act(client, code, "refunds", 1)) == (422, "fully_refunded")
    assert money(client) == (available + 1_000, holding)


def test_a_refund_of_a_partial_capture_releases_the_rest_and_ends_capturing(
    client: httpx.Client,
) -> None:
    available, holding = money(client)
    code = authorize(client, CARD, 1_000)
    assert act(client, code, "captures", 400).status_code == 200
    assert act(client, code, "refunds", 100).status_code == 200
    # 400 left the account, 100 of it came back, the 600 never captured were released.
    assert money(client) == (available - 300, holding)
    assert refusal(act(client, code, "captures", 100)) == (422, "capture_closed")
    assert refusal(act(client, code, "refunds", 301)) == (422, "amount_exceeds_captured")


def test_omitted_amounts_mean_everything_left(client: httpx.Client) -> None:
    available, holding = money(client)
    code = authorize(client, CARD, 1_000)
    assert act(client, code, "captures", 250).status_code == 200
    assert act(client, code, "captures").status_code == 200
    assert money(client) == (available - 1_000, holding)
    assert act(client, code, "refunds").status_code == 200
    assert money(client) == (available, holding)


@pytest.mark.parametrize(
    ("first", "then", "code"),
    [
        (("captures", 100), ("voids", None), "already_captured"),
        (("voids", None), ("captures", 100), "already_voided"),
        (("voids", None), ("refunds", 100), "already_voided"),
        (("voids", None), ("voids", None), "already_voided"),
    ],
)
def test_moves_the_authorization_no_longer_allows_are_refused(
    client: httpx.Client, first: tuple[str, int | None], then: tuple[str, int | None], code: str
) -> None:
    authorization = authorize(client, CARD, 500)
    assert act(client, authorization, *first).status_code == 200
    before = money(client)
    assert refusal(act(client, authorization, *then)) == (422, code)
    assert money(client) == before


def test_a_refund_of_nothing_captured_is_refused(client: httpx.Client) -> None:
    code = authorize(client, CARD, 500)
    assert refusal(act(client, code, "refunds", 100)) == (422, "nothing_captured")
    assert refusal(act(client, code, "refunds")) == (422, "nothing_captured")


def test_a_card_without_balances_takes_actions_under_the_same_rules(
    client: httpx.Client,
) -> None:
    code = authorize(client, UNFUNDED, 1_000)
    assert act(client, code, "captures", 1_000).status_code == 200
    assert act(client, code, "refunds", 1_000).status_code == 200
    assert refusal(act(client, code, "voids")) == (422, "already_captured")


@pytest.mark.parametrize("route", ["captures", "refunds", "voids"])
def test_an_unknown_authorization_is_a_404(client: httpx.Client, route: str) -> None:
    response = act(client, "00000000-0000-4000-8000-000000000000", route, 100)
    assert response.status_code == 404
    assert response.json() == {
        "error_message": "unknown authorization", "code": "unknown_authorization",
    }  # fmt: skip


@pytest.mark.parametrize(
    "raw",
    [b"{", b"not json", b"[]", b"null", b'{"amount": "100"}', b'{"amount": 1.5}',
     b'{"amount": true}', b'{"amount": 0}', b'{"amount": -5}', b'{"amount": [1]}'],
)  # fmt: skip
@pytest.mark.parametrize("route", ["captures", "refunds"])
def test_a_malformed_body_is_a_400_and_applies_nothing(
    client: httpx.Client, route: str, raw: bytes
) -> None:
    code = authorize(client, CARD, 500)
    if route == "refunds":
        assert act(client, code, "captures", 500).status_code == 200
    before = money(client)
    response = client.post(
        f"/payments/{code}/{route}", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error_message"]
    assert money(client) == before


def test_an_overlong_idempotency_key_is_a_400(client: httpx.Client) -> None:
    code = authorize(client, CARD, 500)
    assert act(client, code, "voids", key="k" * 256).status_code == 400
    assert act(client, code, "voids").status_code == 200


def test_metrics_count_actions_by_type_and_outcome(client: httpx.Client) -> None:
    def count(labels: str) -> float:
        prefix = f"banksim_actions_total{{{labels}}} "
        lines = client.get("/metrics").text.splitlines()
        return next((float(line[len(prefix) :]) for line in lines if line.startswith(prefix)), 0)

    succeeded = 'outcome="succeeded",replayed="false",type="void"'
    refused = 'outcome="refused",replayed="false",type="void"'
    before = count(succeeded), count(refused)
    code = authorize(client, CARD, 500)
    act(client, code, "voids")
    act(client, code, "voids")
    assert (count(succeeded), count(refused)) == (before[0] + 1, before[1] + 1)
