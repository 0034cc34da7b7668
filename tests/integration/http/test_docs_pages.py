"""Swagger UI and ReDoc of a real `paygate serve` render in headless Chromium with every host
but 127.0.0.1 unresolvable: the pages need nothing from the internet. A screenshot of each
is kept under test-artifacts/ (ignored by git) for a person to look at."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import service_missing
from tests.integration.http.test_serve_process import Servers

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
RENDER_SECONDS = 90
OPERATIONS = [
    "Create a payment",
    "Retrieve a payment",
    "Exchange email and API key for an access and a refresh token",
    "Create a payment (legacy shape, amount in major units)",
    "Readiness: the database answers",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    service_missing("chromium", "Debian's `chromium` is not installed (apt-get install chromium)")
    raise AssertionError("unreachable")


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[str]:
    servers = Servers(tmp_path)
    try:
        _process, base_url, _out = servers.start("docs")
        yield base_url
    finally:
        servers.stop_all()


def run_chromium(binary: str, profile: Path, url: str, *action: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            # Any request that leaves this machine fails: a CDN asset would break the page.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--window-size=1280,1600",
            "--virtual-time-budget=15000",
            *action,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=RENDER_SECONDS,
        check=False,
    )


def rendered_dom(binary: str, profile: Path, url: str, marker: str) -> str:
    """The DOM once the page's script has drawn `marker`; retried until a deadline."""
    deadline = time.monotonic() + RENDER_SECONDS
    dom = ""
    while time.monotonic() < deadline:
        result = run_chromium(binary, profile, url, "--dump-dom")
        dom = result.stdout
        if marker in dom:
            return dom
        time.sleep(0.5)
    raise AssertionError(f"{url} never rendered {marker!r}; last DOM:\n{dom[-2000:]}")


def screenshot(binary: str, profile: Path, url: str, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    target.unlink(missing_ok=True)
    result = run_chromium(binary, profile, url, f"--screenshot={target}")
    assert target.exists() and target.stat().st_size > 10_000, result.stderr[-2000:]
    return target


def visible_text(dom: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))


@pytest.mark.parametrize(
    ("page", "marker"),
    [("swagger", "opblock-summary-description"), ("redoc", "redoc-wrap")],
)
def test_api_docs_page_renders_offline(gateway: str, tmp_path: Path, page: str, marker: str):
    binary = chromium()
    url = f"{gateway}/schema/{page}"
    html = httpx.get(url).text
    assert not re.search(r"(src|href)=['\"]https?://", html), "the page loads a remote asset"

    dom = rendered_dom(binary, tmp_path / "profile-dom", url, marker)

    text = visible_text(dom)
    for operation in OPERATIONS:
        assert operation in text, f"{page} does not show {operation!r}"
    for tag in ("Authentication", "Payments", "Legacy", "Operations"):
        assert tag in text
    shot = screenshot(binary, tmp_path / "profile-shot", url, f"api-docs-{page}.png")
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_swagger_shortcut_and_assets_are_served(gateway: str) -> None:
    shortcut = httpx.get(f"{gateway}/swagger", follow_redirects=False)
    assert shortcut.status_code in {301, 302, 307, 308}
    assert shortcut.headers["location"] == "/schema/swagger"
    for asset, kind in [
        ("swagger-ui/swagger-ui-bundle.js", "javascript"),
        ("swagger-ui/swagger-ui.css", "css"),
        ("redoc/redoc.standalone.js", "javascript"),
    ]:
        response = httpx.get(f"{gateway}/schema/assets/{asset}")
        assert response.status_code == 200, asset
        assert kind in response.headers["content-type"]
        assert len(response.content) > 100_000
