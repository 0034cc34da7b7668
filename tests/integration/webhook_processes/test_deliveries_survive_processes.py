"""Deliveries across real gateway processes: none lost when one is SIGKILLed mid-attempt,
none sent twice by two processes sharing one PostgreSQL database."""

from __future__ import annotations

import collections
import os
import signal

import pytest

from tests.integration.production.clients import metric_samples
from tests.integration.production.processes import Service, start_all, stop_all
from tests.integration.webhook_processes.conftest import Stage
from tests.integration.webhooks.receiver import HANG, Receiver, wait_for

pytestmark = pytest.mark.integration


def attempts_started(gateway: Service) -> float:
    return sum(metric_samples(gateway.url, "paygate_webhook_attempts_total").values())


def all_delivered(stage: Stage, count: int) -> bool:
    statuses = stage.deliveries()
    return len(statuses) == count and set(statuses.values()) == {"delivered"}


def test_a_gateway_killed_with_deliveries_due_delivers_all_after_restart(stage: Stage) -> None:
    with Receiver(HANG) as receiver:
        merchant = stage.endpoint(receiver.url)
        events = stage.events(merchant, 20)
        first = stage.gateway("gateway-killed")
        try:
            start_all([first])
            # Attempts are in flight (hanging) and more deliveries are due.
            wait_for(lambda: len(receiver.received) >= 8, 30, "attempts in flight")
            os.killpg(first.process.pid, signal.SIGKILL)
            first.process.wait()
        finally:
            stop_all([first])
        assert set(stage.deliveries()) == events
        assert "delivered" not in stage.deliveries().values()

        receiver.script = [200]
        second = stage.gateway("gateway-restarted")
        try:
            start_all([second])
            # The killed attempts' leases (2 x 0.5 s + 5 s) lapse, then they are retried.
            wait_for(lambda: all_delivered(stage, 20), 60, "deliveries")
        finally:
            stop_all([second])

    delivered = {r.headers["Paygate-Event-Id"] for r in receiver.received}
    assert delivered == events
    # Attempts the kill cut short stay unfinished (some never reached the receiver); every
    # attempt that finished was received once.
    assert stage.attempts(finished=True) <= len(receiver.received) <= stage.attempts()
    assert stage.attempts(finished=False) > 0


def test_two_gateways_share_the_work_without_sending_an_attempt_twice(stage: Stage) -> None:
    with Receiver(200) as receiver:
        merchant = stage.endpoint(receiver.url)
        gateways = [stage.gateway("gateway-a"), stage.gateway("gateway-b")]
        try:
            start_all(gateways)
            events = stage.events(merchant, 150)
            wait_for(lambda: all_delivered(stage, 150), 60, "deliveries")
            started = [attempts_started(gateway) for gateway in gateways]
        finally:
            stop_all(gateways)

    hits = collections.Counter(r.headers["Paygate-Event-Id"] for r in receiver.received)
    assert set(hits) == events
    assert max(hits.values()) == 1
    assert stage.attempts() == len(receiver.received) == 150
    assert sum(started) == 150 and min(started) > 0, started  # both took a share
