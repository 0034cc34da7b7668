"""The embedded bank simulator never outlives its gateway, even one killed with SIGKILL."""

from __future__ import annotations

import signal
import time

from tests.integration.http.test_serve_process import (  # noqa: F401
    Servers,
    bank_pid,
    is_running,
    servers,
)


def test_a_killed_gateway_takes_its_bank_simulator_with_it(servers: Servers) -> None:  # noqa: F811
    process, _, out = servers.start("killed")
    bank = bank_pid(out.with_suffix(".stderr"))
    assert is_running(bank)

    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    deadline = time.monotonic() + 30
    while is_running(bank) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not is_running(bank)
