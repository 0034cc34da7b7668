"""What the gateway warned about while it was measured: a figure taken while it fell back
to a degraded mode (the rate limiter deciding locally, the cache sitting out an outage)
measures that mode, not the normal path, so each run says which warnings it saw."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

_LEVELS = frozenset({"warning", "error", "critical"})


def warnings_in(log: Path) -> Counter[str]:
    """The gateway's JSON log lines at warning level or above, counted by event."""
    counts: Counter[str] = Counter()
    if not log.exists():
        return counts
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # uvicorn's own lines, a traceback
        if isinstance(entry, dict) and entry.get("level") in _LEVELS:
            counts[f"{entry.get('event')} ({entry.get('error', entry['level'])})"] += 1
    return counts


def warnings_note(log: Path) -> str:
    counts = warnings_in(log)
    if not counts:
        return "gateway warnings during the run: none"
    listed = ", ".join(f"{event} x{n}" for event, n in counts.most_common())
    return f"gateway warnings during the run: {listed}"
