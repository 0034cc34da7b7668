"""Two gateway processes on one Redis share one rate-limit budget per merchant (the sum
they accept stays near the limit, not twice it), and an operator's `merchants disable`
reaches every process at once through Redis."""

from __future__ import annotations

import math
import secrets
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.integration.production.clients import MerchantCreation, access_token
from tests.integration.production.processes import clean_environment, start_all, stop_all
from tests.integration.production.stack import Production
from tests.integration.production.test_sign_ins_across_gateways import (
    BOUND,
    SLACK,
    remembered_everywhere,
    seconds_until_refused,
)

pytestmark = pytest.mark.integration

LIMIT, PERIOD = 30, 60.0  # one request more every 2 s after the burst


def _new_merchant(production: Production):
    place = production.place
    email = f"limited-{secrets.token_hex(4)}@example.com"
    return MerchantCreation(place.env(), email, place.folder).result()


def test_two_gateways_on_one_redis_share_one_budget(production: Production) -> None:
    place = production.place
    env = place.env(production.bank.url, rate_limit=f"{LIMIT}/min")
    gateways = [place.gateway(f"gateway-limited-{n}", env) for n in (1, 2)]
    try:
        first, second = start_all(gateways)
        merchant = _new_merchant(production)
        headers = {"Authorization": f"Bearer {access_token(first.url, merchant)}"}
        urls = [first.url, second.url] * LIMIT  # twice the budget, half to each process

        began = time.monotonic()
        with ThreadPoolExecutor(8) as pool:
            answers = list(
                pool.map(lambda url: httpx.get(f"{url}/v1/payments?limit=1", headers=headers), urls)
            )
        elapsed = time.monotonic() - began
    finally:
        stop_all(gateways)

    accepted = [a for a in answers if a.status_code == 200]
    refused = [a for a in answers if a.status_code == 429]
    assert len(accepted) + len(refused) == len(answers)
    # The burst, plus what refilled while it ran; each process alone would accept LIMIT.
    assert LIMIT <= len(accepted) <= LIMIT + math.ceil(elapsed / (PERIOD / LIMIT)) + 1
    assert {str(a.request.url.port) for a in refused} == {
        str(httpx.URL(g.url).port) for g in gateways
    }
    assert all(int(a.headers["retry-after"]) >= 1 for a in refused)
    assert {a.headers["ratelimit-limit"] for a in answers} == {str(LIMIT)}


def test_a_merchant_disabled_by_the_operator_is_refused_everywhere_at_once(
    production: Production,
) -> None:
    single, workers = production.single.url, production.workers.url
    merchant = _new_merchant(production)
    access = access_token(single, merchant)
    remembered_everywhere([single, workers], access)

    disabled = subprocess.run(
        [sys.executable, "-m", "entrypoints", "merchants", "disable", "--email", merchant.email],
        cwd=production.place.folder,
        env=clean_environment(production.place.env()),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert disabled.returncode == 0, disabled.stderr
    assert seconds_until_refused([single, workers], access) <= BOUND + SLACK
    login = {"email": merchant.email, "api_key": merchant.api_key}
    refused = httpx.post(f"{single}/v1/auth/generate_access_token", json=login, timeout=30)
    assert refused.status_code == 401
