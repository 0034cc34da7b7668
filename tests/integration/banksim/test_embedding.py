"""banksim embedded in another process: a uvicorn server in a background thread."""

from __future__ import annotations

import threading
import time

import httpx

from banksim.cli import build_server
from banksim.settings import BanksimSettings
from tests.integration.banksim.support import charge


def test_a_server_in_a_thread_serves_and_stops_on_request() -> None:
    server = build_server(BanksimSettings(port=0, seed=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server.started
        port = server.servers[0].sockets[0].getsockname()[1]
        response = httpx.post(f"http://127.0.0.1:{port}/payments", json=charge("4242424242424242"))
        assert (response.status_code, response.json()["authorized"]) == (200, True)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()
