"""The docs pages' assets are vendored outside src/ (third-party minified code is never
read as ours), so a built wheel must carry them beside the module that serves them, and
an installed gateway must find them there."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from entrypoints.http.openapi.ui import ASSETS_DIR

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]
VENDORED = ROOT / "vendor" / "openapi-assets"


def test_a_checkout_serves_the_vendored_copy() -> None:
    assert ASSETS_DIR.resolve() == VENDORED.resolve()
    assert (ASSETS_DIR / "swagger-ui" / "swagger-ui-bundle.js").is_file()
    assert (ASSETS_DIR / "redoc" / "redoc.standalone.js").is_file()


def test_the_wheel_carries_every_vendored_file(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    assert uv is not None, "uv runs the test suite, so it is on PATH"
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    vendored = {p.relative_to(VENDORED).as_posix() for p in VENDORED.rglob("*") if p.is_file()}
    assert vendored, "nothing vendored?"
    missing = {v for v in vendored if f"entrypoints/http/openapi/assets/{v}" not in names}
    assert not missing
    assert not any(name.startswith("vendor/") for name in names)
