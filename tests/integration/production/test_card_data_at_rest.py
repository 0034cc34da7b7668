"""After real traffic, no full card number (nor the CVV) is in PostgreSQL, Redis or the logs.

This test makes its own payments (an Authorized one per gateway kind, a Pending one on the
hanging bank, card numbers sent spaced, hyphenated and plain), and then looks at everything
the package's processes stored, including what the other tests of the package left if
they ran before. See card_secrets for how the PAN and the CVV are searched, and why so.
"""

from __future__ import annotations

import httpx
import pytest
import redis

from tests.integration.production.card_secrets import (
    AT_REST_CARDS,
    FORBIDDEN_PANS,
    cvv_tokens,
    leaks,
    pan_leaks,
)
from tests.integration.production.clients import (
    CVV,
    access_token,
    auth,
    eventually,
    payment_body,
)
from tests.integration.production.services import pg_dump_data, redis_values
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration


def pay_and_cache(
    url: str, headers: dict[str, str], card: str, amount: int, redis_url: str, prefix: str
) -> dict[str, object]:
    """A payment, fetched until Redis holds it (the cache is best effort: a gateway whose
    Redis timed out sits out a second, so one GET is not always enough)."""
    body = payment_body(card, amount, f"order-at-rest-{amount}")
    answer = httpx.post(f"{url}/v1/payments", json=body, headers=headers, timeout=30)
    assert answer.status_code in (201, 202), answer.text
    payment_url = f"{url}/v1/payments/{answer.json()['id']}"

    def cached() -> bool:
        assert httpx.get(payment_url, headers=headers, timeout=30).status_code == 200
        return bool(redis_values(redis_url, f"{prefix}{answer.json()['id']}"))

    eventually(cached)
    return dict(answer.json())


def test_the_searches_would_find_a_stored_card() -> None:
    """The checks below are only worth something if they catch what they look for."""
    assert cvv_tokens(b'{"cvv":"' + CVV.encode() + b'"}') and cvv_tokens(b"\t" + CVV.encode())
    assert cvv_tokens(b"0193aaaa-bbbb-7ccc-8ddd-eeeeffff0001 9317 2026-11-27") == [b"9317"]
    assert not cvv_tokens(b"01939317-bbbb-7ccc-8ddd-eeeeffff0001 19317 93170")
    assert pan_leaks(b"x6205500000000000004x") and pan_leaks(b"2223-0031-2200-3222")
    assert len(FORBIDDEN_PANS) > 20


def test_no_card_number_or_cvv_is_stored_anywhere(production: Production) -> None:
    merchant, redis_url = production.merchant, production.place.redis_url
    prefix = f"paygate:payment:{merchant.merchant_id}:"
    made = []
    for url, card, amount in [
        (production.single.url, AT_REST_CARDS[0], 1111),
        (production.workers.url, AT_REST_CARDS[1], 2222),
        (production.hanging_gateway.url, AT_REST_CARDS[2], 3333),
    ]:
        headers = auth(access_token(url, merchant), f"at-rest-{amount}")
        made.append(pay_and_cache(url, headers, card, amount, redis_url, prefix))
    assert made[2]["status"] == "Pending"

    dump = pg_dump_data(production.database_url)
    assert all(str(payment["id"]).encode() in dump for payment in made)  # our rows are there
    assert merchant.api_key.encode() not in dump  # only its hash is stored
    assert leaks(dump) == []

    values = redis_values(redis_url, f"{prefix}*")
    assert {key: leaks(value) for key, value in values.items() if leaks(value)} == {}
    try:  # the outage test's Redis, unless that test failed while it was stopped
        private = redis_values(production.private_redis.url, "*")
    except redis.ConnectionError:
        private = {}
    assert {key: leaks(value) for key, value in private.items() if leaks(value)} == {}

    # Logs are searched for the PAN only: floats and durations make a 4-digit token likely.
    for log in production.logs:
        assert pan_leaks(log.read_bytes()) == [], log.name
