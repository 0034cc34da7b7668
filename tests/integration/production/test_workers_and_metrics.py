"""`serve --workers 2` on PostgreSQL + Redis: payments, retrievals, /metrics over all workers.

Which worker accepts a connection is the kernel's choice, so payments are sent in concurrent
batches (new connections each) until the workers' metric files show that both workers
processed payments; /metrics, whichever worker answers it, must then count all of them.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
from prometheus_client.mmap_dict import MmapedDict

from tests.integration.production.card_secrets import WORKERS_CARD
from tests.integration.production.clients import access_token, auth, counter, payment_body
from tests.integration.production.stack import Production

pytestmark = pytest.mark.integration

BATCH = 8
MAX_BATCHES = 10  # generous: two batches are nearly always enough
PAYMENTS_TOTAL = "paygate_payments_total"


def payments_by_worker(metrics_dir: Path) -> dict[str, float]:
    """Authorized payments each worker process counted, read from its own metric file."""
    counted: dict[str, float] = {}
    for path in metrics_dir.glob("counter_*.db"):
        pid = path.stem.removeprefix("counter_")
        for key, value, *_ in MmapedDict.read_all_values_from_file(str(path)):
            _metric, sample, labels, _help = json.loads(key)
            if sample == PAYMENTS_TOTAL and labels.get("status") == "Authorized":
                counted[pid] = counted.get(pid, 0.0) + value
    return counted


async def test_two_workers_serve_payments_and_metrics_add_up(production: Production) -> None:
    url, metrics_dir = production.workers.url, production.metrics_dir
    token = access_token(url, production.merchant)
    before = counter(url, PAYMENTS_TOTAL, status="Authorized")
    by_worker_before = payments_by_worker(metrics_dir)
    created: list[dict[str, object]] = []

    for batch in range(MAX_BATCHES):
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            answers = await asyncio.gather(
                *(
                    client.post(
                        "/v1/payments",
                        json=payment_body(WORKERS_CARD, 100 + n, f"order-w-{batch}-{n}"),
                        headers=auth(token, f"workers-{batch}-{n}"),
                    )
                    for n in range(BATCH)
                )
            )
        assert [a.status_code for a in answers] == [201] * BATCH, [a.text for a in answers]
        created += [answer.json() for answer in answers]
        grown = {
            pid: n - by_worker_before.get(pid, 0.0)
            for pid, n in payments_by_worker(metrics_dir).items()
        }
        if len([pid for pid, n in grown.items() if n > 0]) >= 2:
            break
    else:
        pytest.fail(f"after {MAX_BATCHES} batches one worker still served every payment")

    assert all(payment["status"] == "Authorized" for payment in created)
    assert sum(grown.values()) == len(created)  # the workers' own files: nothing lost

    # Every connection may land on either worker; each answer holds the whole sum.
    for _ in range(6):
        total = counter(url, PAYMENTS_TOTAL, status="Authorized")
        assert total - before == len(created)

    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        fetched = await asyncio.gather(
            *(client.get(f"/v1/payments/{p['id']}", headers=auth(token)) for p in created)
        )
    assert [answer.status_code for answer in fetched] == [200] * len(created)
    assert [answer.json() for answer in fetched] == created
