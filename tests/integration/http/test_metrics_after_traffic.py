"""After real traffic through `paygate serve` and its simulator, /metrics shows every family."""

from __future__ import annotations

import re

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.http.test_serve_process import Servers, servers  # noqa: F401

CARDS = {"authorized": "4000000000000077", "declined": "4000000000000002"}
BANK_ERROR_CARD = "5105105105105100"  # ends in 0: the simulator answers 503


def _body(card: str) -> dict[str, object]:
    return {
        "card_number": card,
        "expiry_month": 12,
        "expiry_year": 2035,
        "cvv": "123",
        "amount": 1050,
        "currency": "USD",
    }


Samples = list[tuple[str, dict[str, str], float]]


def _samples(text: str) -> Samples:
    return [
        (sample.name, sample.labels, sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    ]


def _total(samples: Samples, name: str, **labels: str) -> float:
    return sum(
        value
        for sample_name, sample_labels, value in samples
        if sample_name == name and labels.items() <= sample_labels.items()
    )


def test_every_metric_family_has_sensible_values_after_traffic(
    servers: Servers,  # noqa: F811
) -> None:
    _, base_url, out = servers.start("metrics")
    printed = out.read_text()
    email = re.search(r"email:\s+(\S+)", printed).group(1)  # type: ignore[union-attr]
    api_key = re.search(r"api_key:\s+(sk_\S+)", printed).group(1)  # type: ignore[union-attr]
    with httpx.Client(base_url=base_url, timeout=30) as client:
        login = client.post(
            "/v1/auth/generate_access_token", json={"email": email, "api_key": api_key}
        )
        headers = {"Authorization": f"Bearer {login.json()['data']['token']['access']['token']}"}
        made = [
            client.post("/v1/payments", json=_body(card), headers=headers)
            for card in (CARDS["authorized"], CARDS["declined"], CARDS["authorized"])
        ]
        failed = client.post("/v1/payments", json=_body(BANK_ERROR_CARD), headers=headers)
        payment_id = made[0].json()["id"]
        for _ in range(3):
            assert client.get(f"/v1/payments/{payment_id}", headers=headers).status_code == 200
        samples = _samples(client.get("/metrics").text)

    assert [m.status_code for m in made] == [201, 201, 201]
    assert failed.status_code in {502, 503}
    assert _total(samples, "paygate_payments_total", status="Authorized") == 2
    assert _total(samples, "paygate_payments_total", status="Declined") == 1
    assert _total(samples, "paygate_payments_total", status="Failed") == 1
    assert _total(samples, "paygate_http_requests_total", route="/v1/payments", status="201") == 3
    assert (
        _total(
            samples,
            "paygate_http_request_duration_seconds_count",
            route="/v1/payments/{payment_id}",
        )
        == 3
    )
    assert (
        _total(samples, "paygate_bank_request_duration_seconds_count", operation="authorize") == 4
    )
    assert _total(samples, "paygate_bank_request_duration_seconds_count", outcome="authorized") == 2
    # The 503s of the card ending in 0 are retried with the same key (2 retries by default).
    assert _total(samples, "paygate_bank_retries_total", operation="authorize") == 2
    assert _total(samples, "paygate_circuit_breaker_state") == 0  # one failure: still closed
    # The payment was cached when it was made, so all three reads hit.
    assert _total(samples, "paygate_cache_requests_total", result="hit") == 3
    assert {"paygate_circuit_breaker_state", "paygate_pending_payments"} <= {
        name for name, _, _ in samples
    }
    assert _total(samples, "paygate_pending_payments") == 0
