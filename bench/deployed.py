"""The servers are measured as they are deployed: a non-editable install of the locked
dependencies without the dev group, which is what the Docker image holds.

The dev environment also carries the test tools (schemathesis, openapi-spec-validator)
and with them werkzeug and pydantic, which dependency-injector imports whenever they are
installed: about 10 MB per worker that no deployment has. `--dev-env` measures the
interpreter running the benchmark instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".bench-venv"
REINSTALL_OURS = ("--reinstall-package", "paygate")


def deployed_python() -> str:
    """Sync the deployed environment (seconds once uv's cache is warm); its interpreter."""
    uv = shutil.which("uv")
    if uv is None:
        raise SystemExit("uv is needed to build the deployed environment (or pass --dev-env)")
    subprocess.run(
        # uv keys a built project on its pyproject.toml alone: without the reinstall,
        # edits to src/ would never reach the measured servers.
        [uv, "sync", "--frozen", "--no-dev", "--no-editable", *REINSTALL_OURS, "--quiet"],
        cwd=REPO,
        env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(VENV)},
        check=True,
    )
    return str(VENV / "bin" / "python")
