"""What each uvicorn worker imports first: the app factory, without the console's extras.

structlog and httpx import rich (and with it pygments) whenever it is installed, and it is,
for Litestar's command line: structlog for pretty tracebacks on a terminal, httpx for its
own command-line client. A worker that writes JSON lines uses neither, yet would carry
their code: about 3 MB of each worker's 100 (bench/README.md, "memory per worker").
`paygate serve` tells its workers the log format it chose (`PAYGATE_LOG_FORMAT`); for
JSON, a `None` in `sys.modules` makes `import rich` fail as if it were not installed,
which both libraries expect and handle. A console keeps them.
"""

from __future__ import annotations

import os
import sys

CONSOLE_ONLY = ("rich", "pygments")

if os.environ.get("PAYGATE_LOG_FORMAT") == "json":
    for _name in CONSOLE_ONLY:
        # setdefault: anything already imported stays as it is.
        sys.modules.setdefault(_name, None)  # type: ignore[arg-type]

from entrypoints.runtime.serve import app_from_environment  # noqa: E402

__all__ = ["app_from_environment"]
