"""After real traffic, no full card number and no CVV is in the SQLite files, the cache, the
logs, the events API or the webhook deliveries a real receiver got: the embedded storage,
cache and webhook worker are the real adapters here."""

from __future__ import annotations

import asyncio
import io
import logging
import time
from pathlib import Path

import pytest
from dependency_injector import providers
from litestar.testing import AsyncTestClient

from adapters.memory import InMemoryBank
from entrypoints.runtime.container_use import build_container, resolve
from entrypoints.runtime.gateway_app import gateway_app
from entrypoints.runtime.logging import configure_logging
from entrypoints.runtime.settings import Settings
from paycore import verify_webhook
from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.http.conftest import JWT_SECRET, log_in, register
from tests.integration.webhooks.receiver import Receiver

PANS = ("4111111111111111", "5555555555554444", "4000056655665556")
CVV = "7391"


@pytest.fixture
def log_stream():
    stream = io.StringIO()
    configure_logging("json", stream=stream, level=logging.DEBUG)
    yield stream
    configure_logging("console", stream=io.StringIO())


async def test_no_card_data_in_database_cache_or_logs(tmp_path: Path, log_stream) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'paygate.db'}",
        jwt_secret=JWT_SECRET,
        bank_url="http://127.0.0.1:9",
        settle_interval=3600.0,
        webhook_interval=0.05,
    )
    container = build_container(settings)
    bank = InMemoryBank()
    bank.script.extend([Unknown(), Unavailable(FailureReason.BANK_ERROR)])
    container.bank.override(providers.Object(bank))

    with Receiver(200) as receiver:
        async with AsyncTestClient(gateway_app(container)) as client:
            auth_token = await log_in(client, await register(container, "pci@example.com"))
            headers = {"Authorization": f"Bearer {auth_token['access']['token']}"}
            endpoint = {"url": receiver.url, "events": ["*"]}
            hook = await client.post("/v1/webhook_endpoints", json=endpoint, headers=headers)
            assert hook.status_code == 201, hook.text
            for number, key in zip(PANS, ("k1", "k2", None), strict=True):
                spaced = " ".join(number[i : i + 4] for i in range(0, 16, 4))
                body = {
                    "card_number": spaced,
                    "expiry_month": 12,
                    "expiry_year": 2031,
                    "cvv": CVV,
                    "amount": 500,
                    "currency": "EUR",
                }
                extra = {"Idempotency-Key": key} if key else {}
                await client.post("/v1/payments", json=body, headers={**headers, **extra})
                await client.post("/v1/payments", json={**body, "amount": -5}, headers=headers)
                legacy = {**body, "amount": "5.00", "exp_month": 1, "exp_year": 30}
                await client.post("/v1/process-payment", json=legacy, headers=headers)
            cache = await resolve(container.cache)
            cached = repr(vars(cache))
            # What the events API shows, and so what webhooks send.
            listed = await client.get("/v1/events?limit=100", headers=headers)
            ids = [e["id"] for e in listed.json()["data"]]
            assert len(ids) >= len(PANS)  # every authorization, decline or failure
            shown = listed.text + "".join(
                [(await client.get(f"/v1/events/{i}", headers=headers)).text for i in ids]
            )
            await _until(lambda: len(receiver.received) >= len(ids))
    delivered = {r.headers["Paygate-Event-Id"]: r for r in receiver.received}
    assert set(delivered) == set(ids)
    listed_by_id = {e["id"]: e for e in listed.json()["data"]}
    for event_id, sent in delivered.items():
        decoded = verify_webhook(
            sent.body, sent.headers["Paygate-Signature"], hook.json()["secret"]
        )
        assert decoded == listed_by_id[event_id]  # exactly what the events API shows
    shown += "".join(sent.body.decode() + repr(sent.headers) for sent in delivered.values())

    stored = every_file(tmp_path)
    logs = log_stream.getvalue()
    assert "request" in logs and b"pci@example.com" in stored  # both really saw the traffic
    for pan in PANS:
        assert pan.encode() not in stored
        assert pan not in cached and pan not in logs
        assert pan[:4] + " " + pan[4:8] not in logs
    assert b"cvv" not in stored.lower()
    for pan in PANS:
        assert pan not in shown and pan[:12] not in shown
    # Quoted: four digits can occur by chance inside a random id.
    assert f'"{CVV}"' not in shown and "cvv" not in shown.lower() and "fingerprint" not in shown
    assert "cvv" not in cached.lower() and "cvv" not in logs.lower()
    assert f'"{CVV}"' not in logs and f": {CVV}" not in logs


def every_file(directory: Path) -> bytes:
    """The database, its WAL and anything else the storage wrote there."""
    return b"".join(path.read_bytes() for path in directory.iterdir() if path.is_file())


async def _until(condition, within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "the webhooks never arrived"
        await asyncio.sleep(0.02)
