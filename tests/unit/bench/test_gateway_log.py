"""The benchmark says which warnings the gateway logged while it was measured."""

from __future__ import annotations

import json
from pathlib import Path

from bench.gateway_log import warnings_in, warnings_note


def test_warnings_are_counted_by_event_and_error(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    lines = [
        {"event": "request", "level": "info"},
        {"event": "rate_limits.redis_down_deciding_locally", "error": "ResponseError",
         "level": "warning"},
        {"event": "cache.unavailable", "error": "network:TimeoutError", "level": "warning"},
        {"event": "cache.unavailable", "error": "network:TimeoutError", "level": "warning"},
        {"event": "bank.failed", "level": "error"},
    ]  # fmt: skip
    log.write_text("INFO:     Started server process [1]\n" + "\n".join(map(json.dumps, lines)))

    assert warnings_in(log) == {
        "rate_limits.redis_down_deciding_locally (ResponseError)": 1,
        "cache.unavailable (network:TimeoutError)": 2,
        "bank.failed (error)": 1,
    }
    assert warnings_note(log) == (
        "gateway warnings during the run: cache.unavailable (network:TimeoutError) x2, "
        "rate_limits.redis_down_deciding_locally (ResponseError) x1, bank.failed (error) x1"
    )


def test_a_quiet_run_says_so(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    log.write_text(json.dumps({"event": "request", "level": "info"}) + "\n")
    assert warnings_note(log) == "gateway warnings during the run: none"
    assert warnings_note(tmp_path / "absent.log") == "gateway warnings during the run: none"
