"""The funded accounts follow the money of a whole lifecycle, to the unit."""

from __future__ import annotations

import httpx

from tests.integration.banksim.support import act, authorize

CARD = "2223003122003222"  # 50,000.00 in each currency; used by no other test of this module


def account(client: httpx.Client) -> tuple[int, int]:
    body = client.get(f"/accounts/{CARD}").json()
    return body["balances"]["EUR"], body["held"]["EUR"]


def test_authorize_capture_part_refund_part_and_void_another(client: httpx.Client) -> None:
    start = 5_000_000
    assert account(client) == (start, 0)

    first = authorize(client, CARD, 10_000, "EUR")
    second = authorize(client, CARD, 2_500, "EUR")
    assert account(client) == (start - 12_500, 12_500)  # both held, neither spent

    assert act(client, first, "captures", 6_000, "capture-1").status_code == 200
    assert account(client) == (start - 12_500, 6_500)  # 6,000 settled: gone from the card

    assert act(client, first, "refunds", 1_500, "refund-1").status_code == 200
    # 1,500 refunded, and the refund released the 4,000 of `first` never captured.
    assert account(client) == (start - 12_500 + 1_500 + 4_000, 2_500)

    assert act(client, second, "voids", key="void-2").status_code == 200
    assert account(client) == (start - 6_000 + 1_500, 0)

    # Replays of every step move nothing more.
    for code, route, amount, key in [
        (first, "captures", 6_000, "capture-1"),
        (first, "refunds", 1_500, "refund-1"),
        (second, "voids", None, "void-2"),
    ]:
        assert act(client, code, route, amount, key).status_code == 200
    assert account(client) == (start - 4_500, 0)
    other = client.get(f"/accounts/{CARD}").json()
    assert (other["balances"]["GBP"], other["held"]["GBP"]) == (start, 0)
