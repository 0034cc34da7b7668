"""The gateway's Redis goes away mid-run and comes back on the same port.

While it is away, payments and retrievals still succeed (the cache degrades to misses, the
database answers). Once it is back, the gateway uses it again by itself: its cache hit
counter grows and the payment is stored in the new, empty Redis.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import redis

from tests.integration.production.card_secrets import REDIS_OUTAGE_CARD, leaks
from tests.integration.production.clients import (
    access_token,
    auth,
    counter,
    eventually,
    payment_body,
)
from tests.integration.production.stack import Production
from tests.integration.storage.redis_server import RedisServer

pytestmark = pytest.mark.integration

HITS = "paygate_cache_requests_total"


def cached_value(server: RedisServer, merchant_id: str, payment_id: str) -> bytes | None:
    with redis.Redis(port=server.port, socket_timeout=3) as client:
        value = client.get(f"paygate:payment:{merchant_id}:{payment_id}")
    return value if isinstance(value, bytes) else None


def test_payments_survive_a_redis_outage_and_the_cache_comes_back(
    production: Production,
) -> None:
    url, server = production.outage_gateway.url, production.private_redis
    merchant_id = production.merchant.merchant_id
    headers = auth(access_token(url, production.merchant))

    def pay(n: int) -> dict[str, object]:
        body = payment_body(REDIS_OUTAGE_CARD, 700 + n, f"order-outage-{n}")
        answer = httpx.post(f"{url}/v1/payments", json=body, headers=headers, timeout=30)
        assert answer.status_code == 201, answer.text
        return dict(answer.json())

    def get(payment: dict[str, object]) -> None:
        answer = httpx.get(f"{url}/v1/payments/{payment['id']}", headers=headers, timeout=30)
        assert answer.status_code == 200, answer.text
        assert answer.json() == payment

    def served_from_cache(payment: dict[str, object]) -> Callable[[], bool]:
        """Polled, never timed: a busy machine may trip the cache's 0.25 s socket timeout,
        which makes it sit out a second; it must then come back by itself."""
        hits = counter(url, HITS, result="hit")

        def probe() -> bool:
            get(payment)
            return counter(url, HITS, result="hit") > hits

        return probe

    first = pay(0)
    eventually(served_from_cache(first))
    stored = cached_value(server, merchant_id, str(first["id"]))
    assert stored is not None and leaks(stored) == []

    server.stop()
    during = [pay(n) for n in range(1, 4)]
    for payment in [first, *during, first]:
        get(payment)  # from PostgreSQL: the cache answers misses without waiting

    server.start()  # same port, empty: started with --save "" --appendonly no
    eventually(served_from_cache(during[0]))
    assert cached_value(server, merchant_id, str(during[0]["id"])) is not None
