"""The README's quickstart, pasted into bash against a real `paygate serve`, works."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.integration.http.test_serve_process import (  # noqa: F401
    Servers,
    run_quickstart,
    servers,
)

README = Path(__file__).resolve().parents[3] / "README.md"


def _quickstart_block() -> str:
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(), flags=re.DOTALL)
    return next(block for block in blocks if "generate_access_token" in block)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the quickstart uses curl")
def test_the_readme_quickstart_runs_as_typed(servers: Servers) -> None:  # noqa: F811
    _, base_url, out = servers.start("readme")
    api_key = re.search(r"api_key:\s+(sk_\S+)", out.read_text()).group(1)  # type: ignore[union-attr]
    script = _quickstart_block()
    assert "API_KEY=sk_..." in script and "http://127.0.0.1:8080" in script
    script = script.replace("API_KEY=sk_...", f"API_KEY={api_key}")
    script = script.replace("http://127.0.0.1:8080", base_url)
    created, fetched = run_quickstart(script)
    assert created["status"] == "Authorized"
    assert created["card"]["masked_number"] == "**** **** **** 4242"
    assert fetched == created


def _reconciliation_block() -> str:
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(), flags=re.DOTALL)
    return next(block for block in blocks if "starting_after" in block)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the quickstart uses curl")
def test_the_readme_reconciliation_pages_through_the_day(servers: Servers) -> None:  # noqa: F811
    _, base_url, out = servers.start("readme-list")
    api_key = re.search(r"api_key:\s+(sk_\S+)", out.read_text()).group(1)  # type: ignore[union-attr]
    quickstart = _quickstart_block().replace("API_KEY=sk_...", f"API_KEY={api_key}")
    # Three payments (distinct keys within one second), then the listing a page at a time.
    quickstart = quickstart.replace("quickstart-$(date +%s)", "quickstart-$RANDOM$RANDOM")
    today = datetime.now(UTC).date()
    listing = (
        _reconciliation_block()
        .replace("FROM=2026-01-15T00:00:00Z", f"FROM={today}T00:00:00Z")
        .replace("TO=2026-01-16T00:00:00Z", f"TO={today + timedelta(days=1)}T00:00:00Z")
        .replace("limit=100", "limit=2")
    )
    script = (quickstart * 3 + listing).replace("http://127.0.0.1:8080", base_url)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    created = [json.loads(line)["id"] for line in lines if line.startswith("{")][::2]
    listed = [line.split()[0] for line in lines if not line.startswith("{")]
    assert len(created) == 3
    assert listed == created[::-1]  # newest first, across two pages
