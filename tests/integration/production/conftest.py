"""The production stack as real processes, started once for this package.

One fresh PostgreSQL database `paygate_test_<random>` (dropped at the end), Redis keys under
`paygate:payment:<this package's merchant id>:` in the test Redis db (deleted at the end; the
gateway's key prefix is fixed, so the merchant id is what makes the keys ours), a private
redis-server, two bank simulators and four `serve` processes (see stack.Production). Tests
keep out of each other's way with their own cards, amounts and idempotency keys, and by
measuring counters as differences. Every process is stopped in a `finally`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from entrypoints.runtime.embedded_bank import free_port
from tests.conftest import service_missing
from tests.integration.production.clients import MerchantCreation
from tests.integration.production.processes import Service, start_all, stop_all
from tests.integration.production.services import (
    create_database,
    delete_redis_keys,
    drop_database,
    reachable_admin_url,
    reachable_redis_url,
)
from tests.integration.production.stack import Place, Production
from tests.integration.storage.redis_server import RedisServer


@pytest.fixture(scope="package")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Place]:
    admin_url = reachable_admin_url()
    redis_url = reachable_redis_url()
    if not RedisServer.available():
        service_missing("redis-server", "the binary is not on PATH")
    name = f"paygate_test_{secrets.token_hex(4)}"
    database_url = create_database(admin_url, name)
    try:
        yield Place(database_url, redis_url, tmp_path_factory.mktemp("production"))
    finally:
        drop_database(admin_url, name)


@pytest.fixture(scope="package")
def production(place: Place) -> Iterator[Production]:
    with ExitStack() as cleanup:
        private_redis = RedisServer(free_port())
        cleanup.callback(private_redis.stop)
        private_redis.start()
        # Everything is spawned before anything is waited for. Every process migrates at
        # start, under PostgreSQL's advisory lock: the merchant CLI and four gateways race.
        services: list[Service] = []
        cleanup.callback(lambda: stop_all(services[::-1]))  # gateways first, banks last
        email = f"shop-{secrets.token_hex(4)}@example.com"
        creation = MerchantCreation(place.env(), email, place.folder)
        cleanup.callback(creation.close)
        bank = place.banksim("bank")
        services.append(bank)
        hanging_bank = place.banksim("bank-hanging", "--hang-rate", "1", "--hang-seconds", "3")
        services.append(hanging_bank)
        metrics_dir = place.folder / "workers-metrics"
        metrics_dir.mkdir()
        multiprocess = {"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
        hanging_env = place.env(
            hanging_bank.url,
            bank_timeout="0.5",
            bank_retries="0",
            settle_interval="0.2",
            settle_after="3",  # must exceed the longest bank call: 2 s connect + 0.5 s
        )
        outage_env = place.env(bank.url, redis_url=private_redis.url)
        for name, env, count in [
            ("gateway-single", place.env(bank.url), 1),
            ("gateway-workers", place.env(bank.url) | multiprocess, 2),
            ("gateway-hanging", hanging_env, 1),
            ("gateway-outage", outage_env, 1),
        ]:
            services.append(place.gateway(name, env, count))
        merchant = creation.result()
        keys = f"paygate:payment:{merchant.merchant_id}:*"
        cleanup.callback(delete_redis_keys, place.redis_url, keys)
        _, _, single, workers, hanging_gateway, outage_gateway = start_all(services)
        yield Production(
            place=place,
            merchant=merchant,
            bank=bank,
            single=single,
            workers=workers,
            metrics_dir=metrics_dir,
            hanging_bank=hanging_bank,
            hanging_gateway=hanging_gateway,
            private_redis=private_redis,
            outage_gateway=outage_gateway,
        )
