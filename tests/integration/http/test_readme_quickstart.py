"""The README's quickstart, pasted into bash against a real `paygate serve`, works."""

from __future__ import annotations

import re
import shutil
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
    api_key = re.search(r"api_key:\s+(pk_\S+)", out.read_text()).group(1)  # type: ignore[union-attr]
    script = _quickstart_block()
    assert "API_KEY=pk_..." in script and "http://127.0.0.1:8080" in script
    script = script.replace("API_KEY=pk_...", f"API_KEY={api_key}")
    script = script.replace("http://127.0.0.1:8080", base_url)
    created, fetched = run_quickstart(script)
    assert created["status"] == "Authorized"
    assert created["card"]["masked_number"] == "**** **** **** 4242"
    assert fetched == created
